"""shoprepo: a small repository layer over SQLite with a Redis cache."""
from .cache import JsonCache
from .migrations import migrate
from .schema import MIGRATIONS
from .models import OutOfStockError, Product, StaleVersionError
from .repository import ProductRepository

__all__ = [
    "JsonCache", "MIGRATIONS", "migrate", "OutOfStockError", "Product", "ProductRepository", "StaleVersionError",
]
