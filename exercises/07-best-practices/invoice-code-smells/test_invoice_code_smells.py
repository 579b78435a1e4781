"""Pins the behaviour of invoice_totals, then checks the refactoring: constants, small functions, O(n)."""

import ast
import copy
import inspect
import random
import re

import pytest

import invoice_code_smells as shop


def legacy_invoice_totals(orders, customers):
    """The smelly original, copied verbatim: the oracle your refactored code must agree with."""
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


CUSTOMERS = [{"id": "c1", "vip": True}, {"id": "c2", "vip": False}]


def order(order_id="o1", customer="c2", country="DE", items=((1000, 1),)):
    return {"id": order_id, "customer": customer, "country": country, "items": list(items)}


def generated_cases(count=300, seed=2024):
    """Random but repeatable order lists, smallest first (so the first failure is easy to read)."""
    rng = random.Random(seed)
    prices = [0, 1, 99, 1250, 2500, 4999, 5000, 5001, 12_345]
    cases = []
    for _ in range(count):
        customers = [{"id": f"c{i}", "vip": rng.random() < 0.4} for i in range(4)]
        orders = [
            order(
                order_id=f"o{rng.randrange(8)}",  # a few repeated ids
                customer=rng.choice(customers)["id"],
                country=rng.choice(["DE", "FR", "US"]),
                items=[(rng.choice(prices), rng.randint(1, 3)) for _ in range(rng.randrange(4))],
            )
            for _ in range(rng.randrange(7))
        ]
        cases.append((orders, customers))
    return sorted(cases, key=lambda case: (len(case[0]), sum(len(o["items"]) for o in case[0])))


def constant(name):
    assert hasattr(shop, name), f"define the module-level constant {name} (see the task)"
    return getattr(shop, name)


# --- 1. the behaviour does not change (characterisation tests) ----------------------------------

def test_invoice_totals_agrees_with_the_original_on_300_generated_order_lists():
    for number, (orders, customers) in enumerate(generated_cases()):
        expected = legacy_invoice_totals(orders, customers)
        got = shop.invoice_totals(orders, customers)
        assert got == expected, (
            f"case {number} differs from the original:\n  orders={orders}\n  customers={customers}\n"
            f"  original gives {expected}\n  yours gives    {got}"
        )


@pytest.mark.parametrize(
    ("orders", "expected"),
    [
        ([], []),
        ([order(items=[])], [("o1", 490)]),
        ([order(items=[(2500, 2)])], [("o1", 5000)]),
        ([order(items=[(4999, 1)], country="US")], [("o1", 6499)]),
        ([order(customer="c1", items=[(5200, 1)])], [("o1", 4680)]),
        ([order(customer="c1", items=[(999, 1)], country="FR")], [("o1", 1590)]),
        ([order(items=[(100, 1)]), order(items=[(900, 1)]), order("o2", items=[(50, 1)])],
         [("o1", 590), ("o2", 540)]),
    ],
    ids=[
        "no-orders",
        "no-items-still-pays-shipping",
        "exactly-50-euros-ships-free",
        "one-cent-below-pays-shipping",
        "shipping-is-judged-on-the-subtotal-before-the-vip-discount",
        "vip-discount-rounds-down",
        "a-repeated-order-id-counts-once-the-first-one-wins",
    ],
)
def test_invoice_totals_keeps_every_rule_of_the_original(orders, expected):
    assert shop.invoice_totals(orders, CUSTOMERS) == expected == legacy_invoice_totals(orders, CUSTOMERS)


def test_when_two_customers_share_an_id_the_last_one_counts_as_before():
    customers = [{"id": "c1", "vip": False}, {"id": "c1", "vip": True}]
    orders = [order(customer="c1", items=[(2000, 1)])]

    assert shop.invoice_totals(orders, customers) == legacy_invoice_totals(orders, customers) == [("o1", 2290)], (
        "the original's loop keeps overwriting c, so the LAST customer with the id wins; "
        "a dict built with {c['id']: c for c in customers} does the same"
    )


def test_invoice_totals_does_not_change_its_inputs():
    for orders, customers in generated_cases(count=40):
        before = copy.deepcopy((orders, customers))
        shop.invoice_totals(orders, customers)
        assert (orders, customers) == before, "invoice_totals changed the orders or customers it was given"


@pytest.mark.parametrize(
    ("orders", "error", "message"),
    [
        ([order(country="JP")], ValueError, "no shipping to JP"),
        ([order(customer="c9")], LookupError, "unknown customer c9"),
        ([order(customer="c9", country="JP")], ValueError, "no shipping to JP"),
    ],
    ids=["unknown-country", "unknown-customer", "both-unknown-the-country-is-reported-first"],
)
def test_invoice_totals_raises_the_same_errors_as_before(orders, error, message):
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        shop.invoice_totals(orders, CUSTOMERS)


# --- 2. the small functions ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("items", "expected"),
    [([], 0), ([(250, 2), (100, 1)], 600), ([(-300, 1), (500, 1)], 200)],
    ids=["empty", "price-times-quantity", "negative-price-for-a-voucher"],
)
def test_subtotal_adds_price_times_quantity(items, expected):
    assert shop.subtotal(items) == expected


@pytest.mark.parametrize(
    ("country", "amount", "expected"),
    [("DE", 4999, 490), ("FR", 0, 690), ("US", 100, 1500), ("US", 5000, 0), ("DE", 80_000, 0)],
    ids=["germany", "france", "usa", "free-at-the-threshold", "free-above-it"],
)
def test_shipping_cost_uses_the_rate_table_and_the_free_threshold(country, amount, expected):
    assert shop.shipping_cost(country, amount) == expected


def test_shipping_cost_refuses_an_unknown_country_even_above_the_threshold():
    with pytest.raises(ValueError, match="^no shipping to BR$"):
        shop.shipping_cost("BR", 99_999)


@pytest.mark.parametrize(
    ("customer", "amount", "expected"),
    [({"id": "c1", "vip": True}, 1999, 199), ({"id": "c2", "vip": False}, 1999, 0),
     ({"id": "c1", "vip": True}, 0, 0)],
    ids=["vip-gets-10-percent-rounded-down", "regular-gets-nothing", "nothing-to-discount"],
)
def test_discount_gives_vips_their_percentage(customer, amount, expected):
    assert shop.discount(customer, amount) == expected


def test_invoice_totals_is_built_from_the_small_functions(monkeypatch):
    monkeypatch.setattr(shop, "shipping_cost", lambda country, amount: 7)
    monkeypatch.setattr(shop, "discount", lambda customer, amount: 3)
    monkeypatch.setattr(shop, "subtotal", lambda items: 100)

    assert shop.invoice_totals([order(items=[(5, 5)])], CUSTOMERS) == [("o1", 104)], (
        "invoice_totals should call subtotal(), discount() and shipping_cost() instead of "
        "computing those things itself"
    )


# --- 3. the magic numbers became named constants -----------------------------------------------------

def test_a_new_country_is_one_new_entry_in_shipping_rates(monkeypatch):
    monkeypatch.setitem(constant("SHIPPING_RATES"), "JP", 1800)

    assert shop.invoice_totals([order(country="JP")], CUSTOMERS) == [("o1", 2800)], (
        "after SHIPPING_RATES['JP'] = 1800, an order to Japan should ship for 1800: "
        "look the rate up in the dict instead of an if/elif chain"
    )


def test_a_country_removed_from_shipping_rates_is_no_longer_served(monkeypatch):
    monkeypatch.delitem(constant("SHIPPING_RATES"), "FR")

    with pytest.raises(ValueError, match="^no shipping to FR$"):
        shop.invoice_totals([order(country="FR")], CUSTOMERS)


def test_the_free_shipping_threshold_is_read_from_free_shipping_from(monkeypatch):
    assert constant("FREE_SHIPPING_FROM") == 5000
    monkeypatch.setattr(shop, "FREE_SHIPPING_FROM", 10_000)

    assert shop.invoice_totals([order(items=[(6000, 1)])], CUSTOMERS) == [("o1", 6490)], (
        "with FREE_SHIPPING_FROM = 10_000 a 60.00 order should pay shipping: read the constant "
        "inside the function (a default argument `limit=FREE_SHIPPING_FROM` is frozen at def time)"
    )


def test_the_vip_discount_is_read_from_vip_discount_percent(monkeypatch):
    assert constant("VIP_DISCOUNT_PERCENT") == 10
    monkeypatch.setattr(shop, "VIP_DISCOUNT_PERCENT", 25)

    assert shop.invoice_totals([order(customer="c1", items=[(4000, 1)])], CUSTOMERS) == [("o1", 3490)]


def test_no_function_is_longer_than_12_lines():
    tree = ast.parse(inspect.getsource(shop))
    too_long = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]  # the docstring does not count
            if body and body[-1].end_lineno - body[0].lineno + 1 > 12:
                too_long[node.name] = body[-1].end_lineno - body[0].lineno + 1
    assert not too_long, f"split these up, they are too long (lines): {too_long}"


# --- 4. the hot spots became O(n + m) -----------------------------------------------------------------

class CountingId(str):
    """A str id that counts every time something compares it (==) or hashes it."""

    calls = 0

    def __eq__(self, other):
        CountingId.calls += 1
        return str.__eq__(self, other)

    def __hash__(self):
        CountingId.calls += 1
        return str.__hash__(self)


@pytest.mark.parametrize("size", [40, 150], ids=["40-orders", "150-orders"])
def test_invoice_totals_touches_each_id_a_few_times_not_once_per_other_id(size):
    customers = [{"id": CountingId(f"c{i}"), "vip": i % 2 == 0} for i in range(size)]
    orders = [order(CountingId(f"o{i}"), CountingId(f"c{size - 1 - i}")) for i in range(size)]
    expected = legacy_invoice_totals(
        [order(f"o{i}", f"c{size - 1 - i}") for i in range(size)],
        [{"id": f"c{i}", "vip": i % 2 == 0} for i in range(size)],
    )

    CountingId.calls = 0
    result = shop.invoice_totals(orders, customers)
    calls = CountingId.calls
    limit = 10 * (2 * size)

    assert result == expected
    assert calls <= limit, (
        f"{size} orders and {size} customers took {calls} id comparisons/hashes, about "
        f"{calls // (2 * size)} per id: something scans a list once per order. Remember the ids "
        "already seen in a set, and look customers up in a dict built once"
    )
