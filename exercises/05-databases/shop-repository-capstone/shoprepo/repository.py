"""ProductRepository: every SQL statement of the shop, behind one class."""
import sqlite3
from dataclasses import asdict  # noqa: F401  (you will need it)

from .cache import JsonCache
from .models import OutOfStockError, Product, StaleVersionError

COLUMNS = "sku, name, price_cents, stock, version"
MAX_PAGE = 100


class ProductRepository:
    def __init__(self, conn: sqlite3.Connection, cache: JsonCache) -> None:
        self.conn = conn
        self.cache = cache

    # -- given ---------------------------------------------------------------
    def add(self, sku: str, name: str, price_cents: int, stock: int = 0) -> Product:
        row = self.conn.execute(
            f"INSERT INTO products (sku, name, price_cents, stock) VALUES (?, ?, ?, ?) RETURNING {COLUMNS}",
            (sku, name, price_cents, stock),
        ).fetchone()
        return Product(*row)

    def orders_of(self, customer_email: str) -> list[tuple[int, int]]:
        return self.conn.execute(
            "SELECT id, total_cents FROM orders WHERE customer_email = ? ORDER BY id", (customer_email,)
        ).fetchall()

    # -- to write ------------------------------------------------------------
    def get(self, sku: str) -> Product | None:
        """Cache-aside under the cache key f"product:{sku}": a hit never touches the database;
        a miss reads the row (None if there is none, not cached) and caches asdict(product)."""
        # TODO
        raise NotImplementedError

    def page(self, limit: int, after_sku: str | None = None) -> list[Product]:
        """Up to `limit` products in sku order, strictly after `after_sku` (keyset, no OFFSET).
        limit must be 1..MAX_PAGE, else ValueError."""
        # TODO
        raise NotImplementedError

    def change_price(self, sku: str, price_cents: int, expected_version: int) -> Product:
        """Optimistic locking: set the price and bump the version only if the row is still at
        expected_version (one UPDATE ... WHERE sku = ? AND version = ?), then drop the cached copy.
        StaleVersionError naming the current version if it moved on, LookupError naming the sku
        if there is no such product."""
        # TODO
        raise NotImplementedError

    def place_order(self, customer_email: str, lines: dict[str, int]) -> int:
        """One BEGIN IMMEDIATE transaction: for each sku, check and take the stock; then insert the
        order (total = sum of qty * current price) and its lines (with that unit price); COMMIT.
        Any error rolls everything back. After the commit, drop the cached copies of those skus.
        Returns the new order id."""
        # TODO
        raise NotImplementedError
