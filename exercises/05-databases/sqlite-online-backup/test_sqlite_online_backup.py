import sqlite3
from contextlib import closing

import pytest

from sqlite_online_backup import backup_database, quote_identifier

SCHEMA = '''
CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE);
CREATE TABLE "order" (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id));
CREATE TABLE "it's ""quoted""" (x INTEGER);
CREATE INDEX idx_order_customer ON "order" (customer_id);
PRAGMA user_version = 7;
'''


@pytest.fixture
def live_db(tmp_path):
    """A WAL-mode database that an application still has open, its last commits not yet checkpointed."""
    path = tmp_path / "app.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.executescript(SCHEMA)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the schema is in app.db, the rows below only in app.db-wal
    with conn:
        conn.executemany("INSERT INTO customers (name) VALUES (?)", [("Ada",), ("Grace",), ("Zoë",)])
        conn.executemany('INSERT INTO "order" (customer_id) VALUES (?)', [(1,), (1,), (2,), (3,), (3,)])
        conn.execute('''INSERT INTO "it's ""quoted""" (x) VALUES (1)''')
    yield path
    conn.close()


def read(path, sql):
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql).fetchall()


@pytest.mark.parametrize(
    "name, quoted",
    [
        ("customers", '"customers"'),
        ("order", '"order"'),
        ('say "hi"', '"say ""hi"""'),
        ("", '""'),
        ("it's", '"it\'s"'),
    ],
    ids=["plain", "reserved-word", "double-quotes-doubled", "empty", "single-quote-untouched"],
)
def test_quote_identifier_wraps_in_double_quotes_and_doubles_inner_ones(name, quoted):
    assert quote_identifier(name) == quoted


def test_backup_copies_rows_that_are_still_only_in_the_wal_file(live_db, tmp_path):
    dest = tmp_path / "backup.db"
    backup_database(live_db, dest)
    names = [row[0] for row in read(dest, "SELECT name FROM customers ORDER BY id")]
    assert names == ["Ada", "Grace", "Zoë"], (
        "committed rows still in app.db-wal are missing: copying the file is not a backup, "
        "use the connection's backup() method"
    )


def test_backup_returns_the_row_count_of_every_user_table(live_db, tmp_path):
    try:
        counts = backup_database(live_db, tmp_path / "backup.db")
    except sqlite3.OperationalError as exc:
        pytest.fail(f"{exc}: a table named order or it's \"quoted\" must go into SQL through quote_identifier()")
    assert counts == {"customers": 3, "order": 5, 'it\'s "quoted"': 1}, (
        "expected every table except SQLite's own sqlite_* tables (here sqlite_sequence), "
        "with table names quoted as identifiers when you count them"
    )


def test_backup_keeps_indexes_and_the_user_version_header(live_db, tmp_path):
    dest = tmp_path / "backup.db"
    backup_database(live_db, dest)
    assert read(dest, "PRAGMA user_version") == [(7,)], (
        "PRAGMA user_version was lost: re-creating the tables from a dump is not a page-for-page backup"
    )
    assert read(dest, "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'idx_order_customer'")
    assert read(dest, "PRAGMA integrity_check") == [("ok",)]


def test_backup_replaces_whatever_was_in_the_destination_file(live_db, tmp_path):
    dest = tmp_path / "backup.db"
    with closing(sqlite3.connect(dest)) as old:
        old.executescript("CREATE TABLE junk (x); INSERT INTO junk VALUES (1); CREATE TABLE customers (y);")
    counts = backup_database(live_db, dest)
    tables = {row[0] for row in read(dest, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "junk" not in tables and "junk" not in counts, "the old file's tables must be gone after a backup"
    assert counts["customers"] == 3


def test_backup_of_a_missing_database_raises_and_creates_nothing(tmp_path):
    source = tmp_path / "nowhere.db"
    with pytest.raises(FileNotFoundError, match="nowhere.db"):
        backup_database(source, tmp_path / "backup.db")
    assert not source.exists(), "sqlite3.connect created an empty database where the missing one should be"


def test_pages_per_step_and_progress_are_passed_to_the_backup(live_db, tmp_path):
    calls = []
    backup_database(live_db, tmp_path / "backup.db", pages_per_step=1,
                    progress=lambda status, remaining, total: calls.append((remaining, total)))
    assert len(calls) > 1, "with pages_per_step=1 the backup copies one page per step and reports after each"
    assert calls[-1][0] == 0, "the last progress call reports 0 pages remaining"
    assert calls[0][1] == len(calls), "one progress call per page"


def test_a_default_backup_copies_everything_in_one_step(live_db, tmp_path):
    calls = []
    backup_database(live_db, tmp_path / "backup.db",
                    progress=lambda status, remaining, total: calls.append(remaining))
    assert calls == [0], "pages_per_step defaults to -1: all pages in one step"
