"""Indexes chosen from the query plans, and a guard that keeps them honest."""
import sqlite3

RECENT_EVENTS = "SELECT id, kind, created_at FROM events WHERE user_id = ? ORDER BY created_at DESC LIMIT 10"
COUNT_KIND_SINCE = "SELECT COUNT(*) FROM events WHERE kind = ? AND created_at >= ?"
USER_BY_EMAIL = "SELECT id, name FROM users WHERE lower(email) = lower(?)"


class SlowQueryError(Exception):
    """A query plan reads a whole table or sorts in a temporary B-tree."""


def query_plan(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[str]:
    return [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]


def assert_indexed(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[str]:
    plan = query_plan(conn, sql, params)
    for step in plan:
        if step.startswith("SCAN"):
            raise SlowQueryError(f"full scan: {step}")
        if "TEMP B-TREE" in step:
            raise SlowQueryError(f"temporary sort: {step}")
    return plan


def add_indexes(conn: sqlite3.Connection) -> None:
    conn.executescript(
        """
        CREATE INDEX IF NOT EXISTS idx_events_user_created ON events (user_id, created_at);
        CREATE INDEX IF NOT EXISTS idx_events_kind_created ON events (kind, created_at);
        CREATE INDEX IF NOT EXISTS idx_users_email_lower ON users (lower(email));
        """
    )
