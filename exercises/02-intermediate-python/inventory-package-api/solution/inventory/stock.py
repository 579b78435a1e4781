"""Functions that build and total Items."""

from collections.abc import Iterable

from .models import Item


def item_from_row(row: str) -> Item:
    """Build an Item from a CSV row 'sku,name,quantity,price_cents'."""
    fields = [field.strip() for field in row.split(",")]
    if len(fields) != 4:
        raise ValueError(
            f"expected 4 fields (sku,name,quantity,price_cents), got {len(fields)}: {row!r}"
        )
    sku, name, quantity, price_cents = fields
    return Item(sku, name, int(quantity), int(price_cents))


def total_value(items: Iterable[Item]) -> int:
    """Return the value of all the stock, in cents."""
    return sum(item.quantity * item.price_cents for item in items)
