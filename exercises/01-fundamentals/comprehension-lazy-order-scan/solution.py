"""Control structures: comprehensions, and loops that stop as soon as they can."""

from collections.abc import Iterable


def paid_totals(orders: list[dict]) -> dict[str, int]:
    """Return {id: total} for the paid orders."""
    return {order["id"]: order["total"] for order in orders if order["paid"]}


def customers(orders: list[dict]) -> set[str]:
    """Return the set of customer names."""
    return {order["customer"] for order in orders}


def all_items(orders: list[dict]) -> list[str]:
    """Return every item of every order, in order."""
    return [item for order in orders for item in order["items"]]


def has_refund(orders: Iterable[dict]) -> bool:
    """Return True if some order has a negative total; stop at the first one."""
    return any(order["total"] < 0 for order in orders)


def first_large_order(orders: Iterable[dict], threshold: int) -> str | None:
    """Return the id of the first order with total >= threshold, or None."""
    return next((order["id"] for order in orders if order["total"] >= threshold), None)
