"""Paginate with a keyset cursor instead of OFFSET.

`ORDER BY ... LIMIT 10 OFFSET 50000` reads and throws away 50 000 rows to
return 10, and it is unstable: if a new event arrives between page 1 and
page 2, everything shifts by one and page 2 repeats the last row of page 1
(a deletion makes one row vanish unseen instead). Keyset ("seek")
pagination remembers where the last page ended and asks for rows strictly
after it, which an index answers by jumping straight there.

The tests create `events(id INTEGER PRIMARY KEY, created_at TEXT NOT NULL,
title TEXT NOT NULL)`, with ISO timestamps; many events share a created_at.
Pages list events newest first: ORDER BY created_at DESC, id DESC (the id
breaks ties, so the order is total and the cursor unambiguous).

1. add_pagination_index(conn): create the index that serves this order and
   the seek, on (created_at, id); calling it twice is harmless. With it, EXPLAIN QUERY PLAN of your queries
   shows no 'USE TEMP B-TREE FOR ORDER BY' (no sort) and the next-page query
   shows 'SEARCH events USING INDEX ...' (a seek, not a SCAN from the top).

2. first_page(conn, size) -> (rows, cursor)
   next_page(conn, after, size) -> (rows, cursor)
   rows are (id, created_at, title) tuples; the cursor is (created_at, id)
   of the last row returned, or None when there is no further page, also
   when the last page happens to be exactly full (tip: ask for size + 1 rows
   to find out). next_page returns the rows that come strictly after the
   cursor: in SQL, `WHERE (created_at, id) < (?, ?)` (a row-value
   comparison, which PostgreSQL also supports and indexes). The cursor comes
   back from clients, so its values are ? parameters, never formatted in.
   No OFFSET anywhere. size must be 1..100 (both allowed), else ValueError.

    >>> rows, cursor = first_page(conn, 2)
    >>> rows
    [(7, '2026-03-02T10:00', 'deploy'), (6, '2026-03-02T10:00', 'alert')]
    >>> cursor
    ('2026-03-02T10:00', 6)
    >>> next_page(conn, cursor, 2)
    ([(5, '2026-03-01T09:30', 'login'), (9, '2026-03-01T08:00', 'signup')], ('2026-03-01T08:00', 9))
"""
import sqlite3

Cursor = tuple[str, int]
Row = tuple[int, str, str]
MAX_PAGE_SIZE = 100


def add_pagination_index(conn: sqlite3.Connection) -> None:
    # TODO: CREATE INDEX ... ON events (created_at, id)
    raise NotImplementedError


def first_page(conn: sqlite3.Connection, size: int) -> tuple[list[Row], Cursor | None]:
    # TODO: newest first, size + 1 rows to know whether there is more
    raise NotImplementedError


def next_page(conn: sqlite3.Connection, after: Cursor, size: int) -> tuple[list[Row], Cursor | None]:
    # TODO: WHERE (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?
    raise NotImplementedError
