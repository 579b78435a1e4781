import sqlite3

import pytest

from wal_snapshot_consistent_report import balance_report, open_reader


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "bank.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.executescript("""
        CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT NOT NULL UNIQUE, balance_cents INTEGER NOT NULL);
        CREATE TABLE ledger (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id),
                             amount_cents INTEGER NOT NULL);
        INSERT INTO accounts (owner, balance_cents) VALUES ('ada', 1000), ('grace', 500), ('zoë', 0);
        INSERT INTO ledger (account_id, amount_cents) VALUES (1, 1000), (2, 500);
    """)
    conn.close()
    return path


@pytest.fixture
def reader(db_path):
    conn = open_reader(db_path)
    yield conn
    conn.close()


@pytest.fixture
def writer(db_path):
    """The bank's application, writing while the report runs; it never waits for a lock."""
    conn = sqlite3.connect(db_path, isolation_level=None, timeout=0)
    yield conn
    conn.close()


def deposit(writer, owner, cents):
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE accounts SET balance_cents = balance_cents + ? WHERE owner = ?", (cents, owner))
    writer.execute("INSERT INTO ledger (account_id, amount_cents) SELECT id, ? FROM accounts WHERE owner = ?",
                   (cents, owner))
    writer.execute("COMMIT")


def after_each_select(conn, action):
    """Run action() once after every SELECT the connection starts, except the first."""
    seen = []

    def on_statement(sql):
        if sql.lstrip().upper().startswith("SELECT"):
            if seen:
                action()
            seen.append(sql)

    conn.set_trace_callback(on_statement)
    return seen


def test_the_report_lists_balances_and_totals(reader):
    assert balance_report(reader) == {
        "accounts": {"ada": 1000, "grace": 500, "zoë": 0},
        "total_cents": 1500,
        "ledger_cents": 1500,
    }


def test_an_empty_bank_reports_zeros(tmp_path):
    path = tmp_path / "empty.db"
    setup = sqlite3.connect(path)
    setup.executescript("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT, balance_cents INTEGER);"
                        "CREATE TABLE ledger (id INTEGER PRIMARY KEY, account_id INTEGER, amount_cents INTEGER);")
    setup.close()
    conn = open_reader(path)
    try:
        assert balance_report(conn) == {"accounts": {}, "total_cents": 0, "ledger_cents": 0}
    finally:
        conn.close()


def test_the_report_adds_up_while_deposits_commit_between_its_queries(reader, writer):
    failures = []

    def a_deposit():
        try:
            deposit(writer, "zoë", 250)
        except sqlite3.OperationalError as exc:
            failures.append(str(exc))
            writer.execute("ROLLBACK")

    after_each_select(reader, a_deposit)
    report = balance_report(reader)
    reader.set_trace_callback(None)
    assert sum(report["accounts"].values()) == report["total_cents"] == report["ledger_cents"], (
        f"{report}: deposits committed between your SELECTs, so each one saw a different database. "
        "Run the report's SELECTs inside one read transaction (BEGIN ... COMMIT): in WAL mode it reads one snapshot"
    )
    assert not failures, (
        f"the deposits failed ({failures}): a report only reads, so a plain (deferred) BEGIN; "
        "BEGIN IMMEDIATE takes the write lock and blocks the bank"
    )


def test_the_next_report_sees_the_new_deposits(reader, writer):
    balance_report(reader)
    deposit(writer, "zoë", 250)
    report = balance_report(reader)
    assert report["accounts"]["zoë"] == 250 and report["total_cents"] == 1750, (
        "the snapshot must end with the report (COMMIT), or the reader keeps seeing the past"
    )


def test_the_read_transaction_is_closed_afterwards(reader):
    balance_report(reader)
    assert not reader.in_transaction, "a read transaction left open pins the WAL and stops checkpoints: COMMIT it"


def test_the_read_transaction_is_closed_even_when_a_query_fails(db_path, reader):
    setup = sqlite3.connect(db_path)
    setup.execute("ALTER TABLE ledger RENAME TO ledger_old")
    setup.close()
    with pytest.raises(sqlite3.OperationalError):
        balance_report(reader)
    assert not reader.in_transaction, "close the read transaction in a finally"


def test_the_reader_connection_cannot_write(reader, db_path):
    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
        reader.execute("DELETE FROM ledger")
    assert reader.isolation_level is None, "open in autocommit mode (isolation_level=None) and BEGIN yourself"
