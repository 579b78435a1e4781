"""The row type and the errors the repository raises (given)."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    price_cents: int
    stock: int
    version: int


class StaleVersionError(Exception):
    """The row was saved by someone else since the caller read it."""


class OutOfStockError(Exception):
    """An order asked for more than is in stock."""
