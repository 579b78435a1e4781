"""Normalise a spreadsheet of orders into tables, and query NULLs correctly."""
import sqlite3
from typing import NamedTuple


class FlatRow(NamedTuple):
    order_id: int
    email: str
    customer_name: str
    phone: str
    coupon: str
    sku: str
    product_name: str
    quantity: int
    unit_price_cents: int


SCHEMA = """
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    phone TEXT UNIQUE
);
CREATE TABLE products (
    sku TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    coupon TEXT
);
CREATE TABLE order_lines (
    order_id INTEGER NOT NULL REFERENCES orders(id),
    sku TEXT NOT NULL REFERENCES products(sku),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
    PRIMARY KEY (order_id, sku)
);
"""


def blank_to_null(value: str) -> str | None:
    return value.strip() or None


def _same_fact(conn, sql, key, expected):
    stored = conn.execute(sql, (key,)).fetchone()
    if stored != expected:
        raise ValueError(f"conflicting values for {key!r}: {stored!r} vs {expected!r}")


def _import_row(conn: sqlite3.Connection, row: FlatRow) -> None:
    phone, coupon = blank_to_null(row.phone), blank_to_null(row.coupon)
    conn.execute(
        "INSERT INTO customers (email, name, phone) VALUES (?, ?, ?) ON CONFLICT (email) DO NOTHING",
        (row.email, row.customer_name, phone),
    )
    _same_fact(conn, "SELECT name, phone FROM customers WHERE email = ?", row.email,
               (row.customer_name, phone))
    (customer_id,) = conn.execute("SELECT id FROM customers WHERE email = ?", (row.email,)).fetchone()
    conn.execute("INSERT INTO products (sku, name) VALUES (?, ?) ON CONFLICT (sku) DO NOTHING",
                 (row.sku, row.product_name))
    _same_fact(conn, "SELECT name FROM products WHERE sku = ?", row.sku, (row.product_name,))
    conn.execute("INSERT INTO orders (id, customer_id, coupon) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                 (row.order_id, customer_id, coupon))
    _same_fact(conn, "SELECT customer_id, coupon FROM orders WHERE id = ?", row.order_id,
               (customer_id, coupon))
    conn.execute(
        "INSERT INTO order_lines (order_id, sku, quantity, unit_price_cents) VALUES (?, ?, ?, ?)",
        (row.order_id, row.sku, row.quantity, row.unit_price_cents),
    )


def create_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def import_flat_rows(conn: sqlite3.Connection, rows: list[FlatRow]) -> None:
    with conn:
        for row in rows:
            _import_row(conn, row)


def count_orders_not_using(conn: sqlite3.Connection, coupon: str) -> int:
    (count,) = conn.execute("SELECT COUNT(*) FROM orders WHERE coupon IS NOT ?", (coupon,)).fetchone()
    return count
