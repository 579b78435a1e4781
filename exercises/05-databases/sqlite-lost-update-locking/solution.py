"""Two connections, one file: prevent lost updates with locks and versions."""
import sqlite3
from pathlib import Path


class StaleVersionError(Exception):
    """Someone else saved the row since you read it."""


def connect(path: Path, *, busy_timeout_ms: int = 5000) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=busy_timeout_ms / 1000, isolation_level=None)


def add_stock(conn: sqlite3.Connection, sku: str, delta: int) -> int:
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT qty FROM products WHERE sku = ?", (sku,)).fetchone()
        if row is None:
            raise LookupError(f"no product {sku!r}")
        new_qty = row[0] + delta
        if new_qty < 0:
            raise ValueError(f"only {row[0]} of {sku!r} in stock, asked to change it by {delta}")
        conn.execute("UPDATE products SET qty = ? WHERE sku = ?", (new_qty, sku))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return new_qty


def get_product(conn: sqlite3.Connection, sku: str) -> tuple[str, int]:
    row = conn.execute("SELECT name, version FROM products WHERE sku = ?", (sku,)).fetchone()
    if row is None:
        raise LookupError(f"no product {sku!r}")
    return row


def rename_product(conn: sqlite3.Connection, sku: str, new_name: str, expected_version: int) -> int:
    cursor = conn.execute(
        "UPDATE products SET name = ?, version = version + 1 WHERE sku = ? AND version = ?",
        (new_name, sku, expected_version),
    )
    if cursor.rowcount == 0:
        _, current = get_product(conn, sku)
        raise StaleVersionError(
            f"{sku!r} is at version {current}, not {expected_version}: reload it and apply your change again"
        )
    return expected_version + 1
