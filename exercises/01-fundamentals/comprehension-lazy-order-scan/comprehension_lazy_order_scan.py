"""Control structures: comprehensions, and loops that stop as soon as they can.

Each order is a dict like
    {"id": "A-1", "customer": "ann", "paid": True, "total": 2500, "items": ["pen", "ink"]}
with the total in cents (negative for a refund).

    orders = [
        {"id": "A-1", "customer": "ann", "paid": True, "total": 2500, "items": ["pen", "ink"]},
        {"id": "A-2", "customer": "bob", "paid": False, "total": 900, "items": ["pad"]},
        {"id": "A-3", "customer": "ann", "paid": True, "total": -500, "items": ["ink"]},
    ]
    paid_totals(orders)               # -> {"A-1": 2500, "A-3": -500}
    customers(orders)                 # -> {"ann", "bob"}
    all_items(orders)                 # -> ["pen", "ink", "pad", "ink"]
    has_refund(orders)                # -> True
    first_large_order(orders, 1000)   # -> "A-1"

paid_totals(orders) -> dict   {id: total} of the paid orders, in order.
customers(orders) -> set      every customer name, once.
all_items(orders) -> list     every item of every order, in order, repeats kept.
Write these three as comprehensions.

has_refund(orders) -> bool
- True if any order has a negative total.
first_large_order(orders, threshold) -> str | None
- The id of the first order whose total is at least `threshold`; None if
  there is none.
- For these two, `orders` may be a one-pass iterator over millions of
  orders (read from a file as you go): stop reading as soon as the answer
  is known, and never build a list of them.
"""

from collections.abc import Iterable


def paid_totals(orders: list[dict]) -> dict[str, int]:
    """Return {id: total} for the paid orders."""
    # TODO: one dict comprehension
    raise NotImplementedError


def customers(orders: list[dict]) -> set[str]:
    """Return the set of customer names."""
    # TODO: one set comprehension
    raise NotImplementedError


def all_items(orders: list[dict]) -> list[str]:
    """Return every item of every order, in order."""
    # TODO: one list comprehension with two `for`s
    raise NotImplementedError


def has_refund(orders: Iterable[dict]) -> bool:
    """Return True if some order has a negative total; stop at the first one."""
    # TODO: this reads every order even when the first one is a refund.
    refunds = [order for order in orders if order["total"] < 0]
    return len(refunds) > 0


def first_large_order(orders: Iterable[dict], threshold: int) -> str | None:
    """Return the id of the first order with total >= threshold, or None."""
    # TODO: stop at the first match; no match gives None.
    raise NotImplementedError
