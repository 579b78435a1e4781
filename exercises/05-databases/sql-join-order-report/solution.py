"""Joins and aggregates: LEFT JOIN for zero counts, HAVING to filter groups."""
import sqlite3


def orders_per_customer(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    sql = """
        SELECT c.name, COUNT(o.id) AS order_count
        FROM customers AS c
        LEFT JOIN orders AS o ON o.customer_id = c.id
        GROUP BY c.id
        ORDER BY order_count DESC, c.name
    """
    return conn.execute(sql).fetchall()


def customers_spending_at_least(conn: sqlite3.Connection, min_cents: int) -> list[tuple[str, int]]:
    if min_cents < 0:
        raise ValueError(f"min_cents must not be negative, got {min_cents}")
    sql = """
        SELECT c.name, SUM(o.total_cents) AS total
        FROM customers AS c
        JOIN orders AS o ON o.customer_id = c.id
        GROUP BY c.id
        HAVING total >= ?
        ORDER BY total DESC, c.name
    """
    return conn.execute(sql, (min_cents,)).fetchall()


def revenue_by_country(conn: sqlite3.Connection) -> dict[str, int]:
    sql = """
        SELECT c.country, COALESCE(SUM(o.total_cents), 0)
        FROM customers AS c
        LEFT JOIN orders AS o ON o.customer_id = c.id
        GROUP BY c.country
    """
    return dict(conn.execute(sql).fetchall())
