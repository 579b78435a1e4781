"""UPSERT with RETURNING, a CTE over ROW_NUMBER(), and RANK(): PostgreSQL syntax."""
import sqlite3


def upsert_product(conn: sqlite3.Connection, sku: str, name: str, price_cents: int) -> tuple[int, int]:
    sql = """
        INSERT INTO products (sku, name, price_cents) VALUES (?, ?, ?)
        ON CONFLICT (sku) DO UPDATE SET
            name = excluded.name,
            price_cents = excluded.price_cents,
            version = products.version + 1
        RETURNING id, version
    """
    return conn.execute(sql, (sku, name, price_cents)).fetchone()


def top_paid_per_department(conn: sqlite3.Connection, n: int) -> list[tuple[str, str, int]]:
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    sql = """
        WITH ranked AS (
            SELECT department, name, salary,
                   ROW_NUMBER() OVER (PARTITION BY department ORDER BY salary DESC, name) AS rn
            FROM employees
        )
        SELECT department, name, salary
        FROM ranked
        WHERE rn <= ?
        ORDER BY department, rn
    """
    return conn.execute(sql, (n,)).fetchall()


def salary_ranks(conn: sqlite3.Connection) -> list[tuple[str, str, int, int]]:
    sql = """
        SELECT department, name, salary,
               RANK() OVER (PARTITION BY department ORDER BY salary DESC) AS salary_rank
        FROM employees
        ORDER BY department, salary_rank, name
    """
    return conn.execute(sql).fetchall()
