"""A report that adds up: read several queries from one snapshot."""
import sqlite3
from pathlib import Path


def open_reader(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA query_only = ON")
    return conn


def balance_report(conn: sqlite3.Connection) -> dict:
    conn.execute("BEGIN")
    try:
        accounts = dict(conn.execute("SELECT owner, balance_cents FROM accounts ORDER BY owner"))
        (total,) = conn.execute("SELECT COALESCE(SUM(balance_cents), 0) FROM accounts").fetchone()
        (ledger,) = conn.execute("SELECT COALESCE(SUM(amount_cents), 0) FROM ledger").fetchone()
    finally:
        conn.execute("COMMIT")
    return {"accounts": accounts, "total_cents": total, "ledger_cents": ledger}
