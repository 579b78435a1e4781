"""Invoice totals: subtotal, VIP discount and shipping for each distinct order."""

from collections.abc import Iterable, Iterator

SHIPPING_RATES = {"DE": 490, "FR": 690, "US": 1500}  # cents per order
FREE_SHIPPING_FROM = 5000  # cents of subtotal, before any discount
VIP_DISCOUNT_PERCENT = 10


def subtotal(items: list[tuple[int, int]]) -> int:
    """Sum of price * quantity, in cents."""
    return sum(price * quantity for price, quantity in items)


def shipping_cost(country: str, amount: int) -> int:
    """Shipping in cents: free from FREE_SHIPPING_FROM on, else the country's flat rate."""
    if country not in SHIPPING_RATES:
        raise ValueError("no shipping to " + country)
    if amount >= FREE_SHIPPING_FROM:
        return 0
    return SHIPPING_RATES[country]


def discount(customer: dict, amount: int) -> int:
    """The VIP discount in cents (rounded down), 0 for everyone else."""
    if not customer["vip"]:
        return 0
    return amount * VIP_DISCOUNT_PERCENT // 100


def unique_orders(orders: Iterable[dict]) -> Iterator[dict]:
    """Each order once: later orders with an id already seen are skipped."""
    seen = set()
    for order in orders:
        if order["id"] not in seen:
            seen.add(order["id"])
            yield order


def invoice_totals(orders: list[dict], customers: list[dict]) -> list[tuple[str, int]]:
    """(order id, amount due in cents) for each distinct order, in order."""
    customers_by_id = {customer["id"]: customer for customer in customers}
    totals = []
    for order in unique_orders(orders):
        amount = subtotal(order["items"])
        shipping = shipping_cost(order["country"], amount)
        customer = customers_by_id.get(order["customer"])
        if customer is None:
            raise LookupError("unknown customer " + order["customer"])
        totals.append((order["id"], amount - discount(customer, amount) + shipping))
    return totals
