import re
import sqlite3
from datetime import datetime, timedelta

import pytest

from sqlite_index_plan import (
    COUNT_KIND_SINCE,
    RECENT_EVENTS,
    USER_BY_EMAIL,
    SlowQueryError,
    add_indexes,
    assert_indexed,
    query_plan,
)

SCHEMA = """
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    payload TEXT
);
"""

# (query, its parameters, the table it scans without an index)
QUERIES = [
    (RECENT_EVENTS, (1,), "events"),
    (COUNT_KIND_SINCE, ("login", "2024-03-01"), "events"),
    (USER_BY_EMAIL, ("ADA@Example.com",), "users"),
]
QUERY_IDS = ["recent-events", "count-kind-since", "user-by-email"]


@pytest.fixture
def db():
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA)
    conn.executemany(
        "INSERT INTO users (id, email, name) VALUES (?, ?, ?)",
        [(1, "ada@example.com", "Ada"), (2, "Bjørn@Example.com", "Bjørn"), (3, "cy@example.com", "Cy")],
    )
    kinds = ["login", "view", "purchase", "logout"]
    start = datetime(2024, 1, 1)
    conn.executemany(
        "INSERT INTO events (user_id, kind, created_at, payload) VALUES (?, ?, ?, ?)",
        [(i % 3 + 1, kinds[i % 4], (start + timedelta(hours=7 * i)).isoformat(), "{}") for i in range(300)],
    )
    yield conn
    conn.close()


def results(conn):
    return [conn.execute(sql, params).fetchall() for sql, params, _ in QUERIES]


def test_query_plan_returns_the_detail_text_of_each_step(db):
    plan = query_plan(db, "SELECT name FROM users WHERE id = ?", (2,))
    assert isinstance(plan, list) and len(plan) == 1, f"expected one step, got {plan!r}"
    # SQLite before 3.36 writes "SEARCH TABLE users", newer versions "SEARCH users".
    assert re.fullmatch(r"SEARCH (TABLE )?users USING INTEGER PRIMARY KEY \(rowid=\?\)", plan[0]), plan


@pytest.mark.parametrize(("sql", "params", "table"), QUERIES, ids=QUERY_IDS)
def test_without_indexes_each_query_scans_its_whole_table(db, sql, params, table):
    plan = query_plan(db, sql, params)
    assert any(re.match(rf"SCAN (TABLE )?{table}\b", step) for step in plan), plan


@pytest.mark.parametrize(("sql", "params", "table"), QUERIES, ids=QUERY_IDS)
def test_assert_indexed_reports_a_full_scan_by_name(db, sql, params, table):
    with pytest.raises(SlowQueryError, match=rf"full scan: SCAN (TABLE )?{table}"):
        assert_indexed(db, sql, params)


def test_assert_indexed_reports_a_temporary_sort_even_when_an_index_is_used(db):
    db.execute("CREATE INDEX idx_events_user_only ON events (user_id)")
    with pytest.raises(SlowQueryError, match="temporary sort: USE TEMP B-TREE FOR ORDER BY"):
        assert_indexed(db, RECENT_EVENTS, (1,))


@pytest.mark.parametrize(
    ("index", "sql", "params", "message"),
    [
        (
            None,
            "SELECT u.name, e.kind FROM users AS u JOIN events AS e ON e.user_id = u.id WHERE u.id = ?",
            (1,),
            r"full scan: SCAN (TABLE events AS )?e\b",
        ),
        (
            "CREATE INDEX idx_events_kind ON events (kind)",
            "SELECT kind, COUNT(*) FROM events GROUP BY kind",
            (),
            r"full scan: SCAN (TABLE )?events USING COVERING INDEX idx_events_kind",
        ),
        (
            "CREATE INDEX idx_events_user ON events (user_id)",
            "SELECT kind, COUNT(*) FROM events WHERE user_id = ? GROUP BY kind",
            (1,),
            r"temporary sort: USE TEMP B-TREE FOR GROUP BY",
        ),
    ],
    ids=[
        "the-scan-is-the-second-step-of-a-join",
        "reading-a-whole-index-is-still-a-scan",
        "a-temp-b-tree-for-group-by-sorts-too",
    ],
)
def test_assert_indexed_checks_every_step_of_the_plan(db, index, sql, params, message):
    # SQLite before 3.36 writes "SCAN TABLE events AS e" where newer versions write "SCAN e".
    if index:
        db.execute(index)
    with pytest.raises(SlowQueryError, match=message):
        assert_indexed(db, sql, params)


def test_the_three_queries_are_the_ones_given():
    assert (RECENT_EVENTS, COUNT_KIND_SINCE, USER_BY_EMAIL) == (
        "SELECT id, kind, created_at FROM events WHERE user_id = ? ORDER BY created_at DESC LIMIT 10",
        "SELECT COUNT(*) FROM events WHERE kind = ? AND created_at >= ?",
        "SELECT id, name FROM users WHERE lower(email) = lower(?)",
    ), "change the indexes, not the queries: the application sends these exact queries"


@pytest.mark.parametrize(("sql", "params", "table"), QUERIES, ids=QUERY_IDS)
def test_after_add_indexes_every_query_searches_an_index(db, sql, params, table):
    add_indexes(db)
    plan = assert_indexed(db, sql, params)
    assert any(step.startswith("SEARCH") and "INDEX" in step for step in plan), (
        f"expected a 'SEARCH ... USING INDEX' step, got {plan!r}"
    )


def test_count_kind_since_is_answered_from_a_covering_index(db):
    add_indexes(db)
    [step] = query_plan(db, COUNT_KIND_SINCE, ("login", "2024-03-01"))
    assert "USING COVERING INDEX" in step, f"the table is still read: {step!r}; put every column it needs in the index"
    assert "kind=? AND created_at>?" in step, (
        f"only part of the index is used: {step!r}; put the '=' column before the range column"
    )


def test_add_indexes_can_run_twice(db):
    add_indexes(db)
    add_indexes(db)
    assert_indexed(db, RECENT_EVENTS, (1,))


def test_indexes_change_the_speed_not_the_answers(db):
    before = results(db)
    add_indexes(db)
    assert results(db) == before
    assert before[2] == [(1, "Ada")], "lower(email) = lower(?) matches whatever the case"
