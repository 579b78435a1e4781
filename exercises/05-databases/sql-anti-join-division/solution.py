"""Anti-joins and relational division: NOT EXISTS, NULLs, and IN lists as parameters."""
import sqlite3


def customers_without_orders(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        """
        SELECT c.email FROM customers AS c
        WHERE NOT EXISTS (SELECT 1 FROM orders AS o WHERE o.customer_id = c.id)
        ORDER BY c.email
        """
    )
    return [email for (email,) in rows]


def customers_who_bought_all(conn: sqlite3.Connection, skus: list[str]) -> list[str]:
    wanted = sorted(set(skus))
    if not wanted:
        raise ValueError("skus must name at least one product")
    placeholders = ", ".join("?" * len(wanted))
    rows = conn.execute(
        f"""
        SELECT c.email FROM customers AS c
        JOIN orders AS o ON o.customer_id = c.id
        JOIN order_lines AS l ON l.order_id = o.id
        WHERE l.sku IN ({placeholders})
        GROUP BY c.id
        HAVING COUNT(DISTINCT l.sku) = ?
        ORDER BY c.email
        """,
        (*wanted, len(wanted)),
    )
    return [email for (email,) in rows]
