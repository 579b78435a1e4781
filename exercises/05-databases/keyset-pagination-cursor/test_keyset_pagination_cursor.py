import sqlite3

import pytest

from keyset_pagination_cursor import add_pagination_index, first_page, next_page

DOC_EVENTS = [
    (5, "2026-03-01T09:30", "login"),
    (6, "2026-03-02T10:00", "alert"),
    (7, "2026-03-02T10:00", "deploy"),
    (8, "2026-02-28T23:59", "backup"),
    (9, "2026-03-01T08:00", "signup"),
]


def make_events(n):
    """n events, several per minute, ids not in time order."""
    return [(i, f"2026-01-{1 + (i * 7) % 5:02d}T{(i * 3) % 4:02d}:00", f"event {i}") for i in range(1, n + 1)]


def newest_first(events):
    return sorted(events, key=lambda e: (e[1], e[0]), reverse=True)


@pytest.fixture
def conn():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, title TEXT NOT NULL)")
    yield conn
    conn.close()


def fill(conn, events):
    conn.executemany("INSERT INTO events (id, created_at, title) VALUES (?, ?, ?)", events)


def walk(conn, size):
    """All pages, following the cursors."""
    rows, cursor = first_page(conn, size)
    pages = [rows]
    while cursor is not None:
        rows, cursor = next_page(conn, cursor, size)
        pages.append(rows)
    return pages


def test_the_docstring_example(conn):
    fill(conn, DOC_EVENTS)
    rows, cursor = first_page(conn, 2)
    assert rows == [(7, "2026-03-02T10:00", "deploy"), (6, "2026-03-02T10:00", "alert")]
    assert cursor == ("2026-03-02T10:00", 6)
    assert next_page(conn, cursor, 2) == (
        [(5, "2026-03-01T09:30", "login"), (9, "2026-03-01T08:00", "signup")],
        ("2026-03-01T08:00", 9),
    )


@pytest.mark.parametrize("n, size", [(25, 10), (30, 10), (7, 1), (3, 100), (0, 5), (100, 100)],
                         ids=["partial-last-page", "exactly-full-last-page", "one-per-page",
                              "all-on-one-page", "no-events", "limit-exactly"])
def test_walking_the_pages_returns_every_event_once_newest_first(conn, n, size):
    events = make_events(n)
    fill(conn, events)
    pages = walk(conn, size)
    flat = [row for page in pages for row in page]
    assert flat == newest_first(events), "pages must list events by created_at DESC, id DESC, each exactly once"
    assert all(len(page) == size for page in pages[:-1]), "every page but the last must be full"
    assert pages[-1] or n == 0, (
        "the cursor of the last page must be None: an exactly full last page returned a cursor to an empty page "
        "(fetch size + 1 rows to know whether more exist)"
    )


def test_ties_on_created_at_are_broken_by_id_so_no_row_is_skipped(conn):
    same_minute = [(i, "2026-05-05T12:00", f"burst {i}") for i in range(1, 8)]
    fill(conn, same_minute)
    pages = walk(conn, 3)
    assert [row[0] for page in pages for row in page] == [7, 6, 5, 4, 3, 2, 1], (
        "with many events in the same minute a cursor on created_at alone skips or repeats rows: "
        "compare (created_at, id) together"
    )


def test_new_events_arriving_between_pages_do_not_repeat_rows(conn):
    events = make_events(20)
    fill(conn, events)
    page1, cursor = first_page(conn, 5)
    fill(conn, [(101, "2026-12-31T00:00", "newer"), (102, "2026-12-31T00:01", "newest")])
    page2, _ = next_page(conn, cursor, 5)
    assert not set(page1) & set(page2), "page 2 repeated rows of page 1 after inserts: that is OFFSET's flaw"
    assert page2 == newest_first(events)[5:10]


def test_deleted_events_between_pages_do_not_hide_others(conn):
    events = make_events(20)
    fill(conn, events)
    page1, cursor = first_page(conn, 5)
    conn.execute("DELETE FROM events WHERE id = ?", (page1[0][0],))
    page2, _ = next_page(conn, cursor, 5)
    assert page2 == newest_first(events)[5:10], "a deletion on page 1 made a row of page 2 disappear (OFFSET)"


@pytest.mark.parametrize("size", [0, -1, 101], ids=["zero", "negative", "over-100"])
@pytest.mark.parametrize("which", ["first_page", "next_page"])
def test_page_size_outside_1_to_100_is_refused(conn, size, which):
    fill(conn, make_events(3))
    with pytest.raises(ValueError, match="size"):
        if which == "first_page":
            first_page(conn, size)
        else:
            next_page(conn, ("2026-01-05T00:00", 3), size)


def test_a_cursor_from_a_client_is_a_parameter_not_sql(conn):
    fill(conn, DOC_EVENTS)
    rows, cursor = next_page(conn, ("2026-03-02T10:00' OR '1'='1", 99), 10)
    assert [row[0] for row in rows] == [7, 6, 5, 9, 8], (
        "the cursor's created_at must travel as a ? parameter: formatted into the SQL, a quote in it rewrites the query"
    )
    assert cursor is None
    rows, _ = next_page(conn, ("2026-03-01T09:30", 5), 10)
    assert [row[0] for row in rows] == [9, 8]


class RecordingConnection:
    """Passes everything to the real connection and records each statement with its parameters."""

    def __init__(self, conn):
        self._conn = conn
        self.executed = []

    def execute(self, sql, parameters=()):
        self.executed.append((sql, parameters))
        return self._conn.execute(sql, parameters)

    def cursor(self, *args):
        recorder, cursor = self, self._conn.cursor(*args)

        class RecordingCursor:
            def execute(self, sql, parameters=()):
                recorder.executed.append((sql, parameters))
                return cursor.execute(sql, parameters)

            def __getattr__(self, name):
                return getattr(cursor, name)

        return RecordingCursor()

    def __getattr__(self, name):
        return getattr(self._conn, name)


def traced_plans(conn, call):
    """Run call(recorder) and return the SELECTs it ran with their query plans (with ? still unbound)."""
    recorder = RecordingConnection(conn)
    call(recorder)
    selects = [(sql, params) for sql, params in recorder.executed if sql.lstrip().upper().startswith("SELECT")]
    assert selects, "no SELECT was run through the connection passed in"
    return [sql for sql, _ in selects], [
        [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)] for sql, params in selects
    ]


def test_no_query_uses_offset(conn):
    add_pagination_index(conn)
    fill(conn, make_events(30))
    selects, _ = traced_plans(conn, lambda recorder: walk(recorder, 10))
    offending = [s for s in selects if "OFFSET" in s.upper()]
    assert not offending, f"OFFSET reads and discards every skipped row; seek with the cursor instead: {offending[0]}"


def test_the_first_page_reads_the_index_in_order_without_sorting(conn):
    add_pagination_index(conn)
    fill(conn, make_events(30))
    _, plans = traced_plans(conn, lambda recorder: first_page(recorder, 10))
    for plan in plans:
        text = " | ".join(plan)
        assert "TEMP B-TREE" not in text, f"the rows are sorted after reading them; the index should give the order: {text}"
        assert "USING" in text and "INDEX" in text, f"no index is used: {text}"


def test_the_next_page_seeks_into_the_index(conn):
    add_pagination_index(conn)
    fill(conn, make_events(30))
    _, cursor = first_page(conn, 10)
    _, plans = traced_plans(conn, lambda recorder: next_page(recorder, cursor, 10))
    for plan in plans:
        text = " | ".join(plan)
        assert "TEMP B-TREE" not in text, f"the rows are sorted after reading them: {text}"
        assert "SEARCH events USING" in text, (
            f"the plan scans from the top instead of jumping to the cursor (write WHERE (created_at, id) < (?, ?)): {text}"
        )


def test_the_index_can_be_added_twice(conn):
    add_pagination_index(conn)
    add_pagination_index(conn)
    indexed = conn.execute("SELECT name FROM pragma_index_list('events')").fetchall()
    assert len(indexed) == 1
    columns = [row[2] for row in conn.execute("PRAGMA index_info(" + repr(indexed[0][0]) + ")")]
    assert columns[0] == "created_at"
