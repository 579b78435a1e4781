"""Soft deletes that free the email again: a partial, expression UNIQUE index."""
import sqlite3

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    deleted_at TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS users_live_email ON users (lower(email)) WHERE deleted_at IS NULL;
"""


class EmailTaken(Exception):
    pass


def create_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def register(conn: sqlite3.Connection, email: str) -> int:
    try:
        with conn:
            cursor = conn.execute("INSERT INTO users (email) VALUES (?)", (email,))
    except sqlite3.IntegrityError as exc:
        raise EmailTaken(email) from exc
    return cursor.lastrowid


def find_live(conn: sqlite3.Connection, email: str) -> int | None:
    row = conn.execute(
        "SELECT id FROM users WHERE lower(email) = lower(?) AND deleted_at IS NULL", (email,)
    ).fetchone()
    return None if row is None else row[0]


def soft_delete(conn: sqlite3.Connection, user_id: int, now: str) -> None:
    with conn:
        cursor = conn.execute(
            "UPDATE users SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", (now, user_id)
        )
    if cursor.rowcount == 0:
        raise LookupError(f"no live user {user_id}")


def restore(conn: sqlite3.Connection, user_id: int) -> None:
    try:
        with conn:
            cursor = conn.execute(
                "UPDATE users SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL", (user_id,)
            )
    except sqlite3.IntegrityError as exc:
        raise EmailTaken(f"user {user_id}'s email belongs to a live user now") from exc
    if cursor.rowcount == 0:
        raise LookupError(f"no deleted user {user_id}")
