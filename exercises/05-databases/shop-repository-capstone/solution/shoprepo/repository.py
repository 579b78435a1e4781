"""ProductRepository: every SQL statement of the shop, behind one class."""
import sqlite3
from dataclasses import asdict

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
        cached = self.cache.get(f"product:{sku}")
        if cached is not None:
            return Product(**cached)
        row = self.conn.execute(f"SELECT {COLUMNS} FROM products WHERE sku = ?", (sku,)).fetchone()
        if row is None:
            return None
        product = Product(*row)
        self.cache.set(f"product:{sku}", asdict(product))
        return product

    def page(self, limit: int, after_sku: str | None = None) -> list[Product]:
        if not 1 <= limit <= MAX_PAGE:
            raise ValueError(f"limit must be between 1 and {MAX_PAGE}, got {limit}")
        if after_sku is None:
            rows = self.conn.execute(f"SELECT {COLUMNS} FROM products ORDER BY sku LIMIT ?", (limit,))
        else:
            rows = self.conn.execute(
                f"SELECT {COLUMNS} FROM products WHERE sku > ? ORDER BY sku LIMIT ?", (after_sku, limit)
            )
        return [Product(*row) for row in rows]

    def change_price(self, sku: str, price_cents: int, expected_version: int) -> Product:
        row = self.conn.execute(
            f"UPDATE products SET price_cents = ?, version = version + 1 "
            f"WHERE sku = ? AND version = ? RETURNING {COLUMNS}",
            (price_cents, sku, expected_version),
        ).fetchone()
        if row is None:
            current = self.conn.execute("SELECT version FROM products WHERE sku = ?", (sku,)).fetchone()
            if current is None:
                raise LookupError(f"no product {sku!r}")
            raise StaleVersionError(f"{sku!r} is at version {current[0]}, not {expected_version}")
        self.cache.delete(f"product:{sku}")
        return Product(*row)

    def place_order(self, customer_email: str, lines: dict[str, int]) -> int:
        if not lines:
            raise ValueError("an order needs at least one line")
        for sku, qty in lines.items():
            if qty <= 0:
                raise ValueError(f"qty for {sku!r} must be positive, got {qty}")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            priced = []
            for sku, qty in lines.items():
                row = self.conn.execute("SELECT price_cents, stock FROM products WHERE sku = ?", (sku,)).fetchone()
                if row is None:
                    raise LookupError(f"no product {sku!r}")
                price, stock = row
                if stock < qty:
                    raise OutOfStockError(f"{sku!r}: {qty} wanted, {stock} in stock")
                self.conn.execute("UPDATE products SET stock = ? WHERE sku = ?", (stock - qty, sku))
                priced.append((sku, qty, price))
            total = sum(qty * price for _, qty, price in priced)
            (order_id,) = self.conn.execute(
                "INSERT INTO orders (customer_email, total_cents) VALUES (?, ?) RETURNING id",
                (customer_email, total),
            ).fetchone()
            self.conn.executemany(
                "INSERT INTO order_lines (order_id, sku, qty, unit_price_cents) VALUES (?, ?, ?, ?)",
                [(order_id, sku, qty, price) for sku, qty, price in priced],
            )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.cache.delete(*(f"product:{sku}" for sku in lines))
        return order_id
