"""The data model of the inventory package. Nothing to do here."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    """One line of stock: how many of a product we hold and what one costs."""

    sku: str
    name: str
    quantity: int
    price_cents: int
