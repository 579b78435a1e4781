"""Make three slow queries fast, and prove it with EXPLAIN QUERY PLAN.

The tables (the tests create them):

    users(id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL)
    events(id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, kind TEXT NOT NULL,
           created_at TEXT NOT NULL, payload TEXT)

Prefix any query with EXPLAIN QUERY PLAN and SQLite tells you how it would
run it, one row per step; the last column is a readable description:

    >>> query_plan(conn, RECENT_EVENTS, (7,))
    ['SCAN events', 'USE TEMP B-TREE FOR ORDER BY']        # read every row, then sort
    >>> add_indexes(conn)
    >>> query_plan(conn, RECENT_EVENTS, (7,))
    ['SEARCH events USING INDEX idx_events_user_created (user_id=?)']

Write:
1. query_plan(conn, sql, params=()) -> the list of detail strings.
2. assert_indexed(conn, sql, params=()) -> the plan, but raise
   SlowQueryError naming the bad step (e.g. "full scan: SCAN events") when
   ANY step starts with "SCAN" (a whole table, or a whole index: "SCAN events
   USING COVERING INDEX ..." reads every entry too), and
   SlowQueryError("temporary sort: USE TEMP B-TREE FOR ORDER BY") when a step
   uses a TEMP B-TREE (for ORDER BY, GROUP BY or DISTINCT alike).
3. add_indexes(conn): create the indexes (CREATE INDEX IF NOT EXISTS, so a
   second call is harmless) that make all three queries below pass
   assert_indexed, with COUNT_KIND_SINCE answered from the index alone
   (USING COVERING INDEX). Do not change the queries.
"""
import sqlite3

RECENT_EVENTS = "SELECT id, kind, created_at FROM events WHERE user_id = ? ORDER BY created_at DESC LIMIT 10"
COUNT_KIND_SINCE = "SELECT COUNT(*) FROM events WHERE kind = ? AND created_at >= ?"
USER_BY_EMAIL = "SELECT id, name FROM users WHERE lower(email) = lower(?)"


class SlowQueryError(Exception):
    """A query plan reads a whole table or sorts in a temporary B-tree."""


def query_plan(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[str]:
    # TODO: run "EXPLAIN QUERY PLAN " + sql and keep the detail column of each row.
    raise NotImplementedError


def assert_indexed(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[str]:
    # TODO: raise SlowQueryError for a SCAN step or a TEMP B-TREE step; else return the plan.
    raise NotImplementedError


def add_indexes(conn: sqlite3.Connection) -> None:
    # TODO: one CREATE INDEX IF NOT EXISTS per query above.
    raise NotImplementedError
