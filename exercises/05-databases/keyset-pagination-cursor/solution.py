"""Paginate with a keyset cursor instead of OFFSET."""
import sqlite3

Cursor = tuple[str, int]
Row = tuple[int, str, str]
MAX_PAGE_SIZE = 100


def add_pagination_index(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX IF NOT EXISTS idx_events_created_id ON events (created_at, id)")


def _page(rows: list[Row], size: int) -> tuple[list[Row], Cursor | None]:
    if len(rows) <= size:
        return rows, None
    last = rows[size - 1]
    return rows[:size], (last[1], last[0])


def _check_size(size: int) -> None:
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise ValueError(f"size must be between 1 and {MAX_PAGE_SIZE}, got {size}")


def first_page(conn: sqlite3.Connection, size: int) -> tuple[list[Row], Cursor | None]:
    _check_size(size)
    rows = conn.execute(
        "SELECT id, created_at, title FROM events ORDER BY created_at DESC, id DESC LIMIT ?",
        (size + 1,),
    ).fetchall()
    return _page(rows, size)


def next_page(conn: sqlite3.Connection, after: Cursor, size: int) -> tuple[list[Row], Cursor | None]:
    _check_size(size)
    created_at, event_id = after
    rows = conn.execute(
        "SELECT id, created_at, title FROM events WHERE (created_at, id) < (?, ?) "
        "ORDER BY created_at DESC, id DESC LIMIT ?",
        (created_at, event_id, size + 1),
    ).fetchall()
    return _page(rows, size)
