"""Clean code: refactor a smelly function into small named pieces without changing what it does.

invoice_totals() below works, and the shop depends on every detail of it - but it is one long
function full of smells: duplicated if/elif branches, magic numbers (5000? 490? 10?), one-letter
names, and two hidden O(n*n) loops (`in seen` scans a list; the customer search scans all
customers for every order). Refactor it. The tests pin its current behaviour against a copy of
this very code on hundreds of generated orders, so any change in behaviour shows up.

    invoice_totals(
        [{"id": "o1", "customer": "c1", "country": "DE", "items": [(2500, 2), (100, 1)]}],
        [{"id": "c1", "vip": True}],
    ) == [("o1", 4590)]     # 5100 - 10% VIP discount (510) + free shipping from 50.00

What to end up with:
- Named constants instead of magic numbers: SHIPPING_RATES (country -> cents: DE 490, FR 690,
  US 1500), FREE_SHIPPING_FROM (5000) and VIP_DISCOUNT_PERCENT (10). The if/elif chain becomes
  a look-up in SHIPPING_RATES: adding Japan must be one new dict entry, no new code. Read the
  constants when the function runs (the tests change them and expect the code to follow).
- Small functions, each doing one thing, which invoice_totals calls:
      subtotal(items)                 sum of price * quantity
      shipping_cost(country, amount)  0 from FREE_SHIPPING_FROM on, else the country's rate
      discount(customer, amount)      VIP_DISCOUNT_PERCENT of amount for a VIP (rounded down)
- No function longer than 12 lines (not counting its docstring).
- O(n + m) instead of O(n * m): the tests count how often order and customer ids are compared
  or hashed. Use a set for the ids already seen and a dict from id to customer.
Keep the errors exactly as they are (same type, same message, same one first), keep the quiet
details too (two customers with the same id: the original uses the LAST one), and leave the
orders and customers you are given unchanged.
"""

# TODO: the named constants SHIPPING_RATES, FREE_SHIPPING_FROM and VIP_DISCOUNT_PERCENT.


def subtotal(items: list[tuple[int, int]]) -> int:
    # TODO
    raise NotImplementedError


def shipping_cost(country: str, amount: int) -> int:
    # TODO
    raise NotImplementedError


def discount(customer: dict, amount: int) -> int:
    # TODO
    raise NotImplementedError


def invoice_totals(orders: list[dict], customers: list[dict]) -> list[tuple[str, int]]:
    # TODO: refactor me.
    result = []
    seen = []
    for o in orders:
        if o["id"] in seen:
            continue
        seen.append(o["id"])
        t = 0
        for p, q in o["items"]:
            t = t + p * q
        if o["country"] == "DE":
            if t >= 5000:
                s = 0
            else:
                s = 490
        elif o["country"] == "FR":
            if t >= 5000:
                s = 0
            else:
                s = 690
        elif o["country"] == "US":
            if t >= 5000:
                s = 0
            else:
                s = 1500
        else:
            raise ValueError("no shipping to " + o["country"])
        c = None
        for cu in customers:
            if cu["id"] == o["customer"]:
                c = cu
        if c is None:
            raise LookupError("unknown customer " + o["customer"])
        if c["vip"]:
            d = t * 10 // 100
        else:
            d = 0
        result.append((o["id"], t - d + s))
    return result
