import sqlite3

import pytest

from atomic_bank_transfer import InsufficientFunds, TransferError, UnknownAccount, apply_batch, transfer

SCHEMA = """
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    balance_cents INTEGER NOT NULL CHECK (balance_cents >= 0)
);
CREATE TABLE transfers (
    id INTEGER PRIMARY KEY,
    from_id TEXT NOT NULL,
    to_id TEXT NOT NULL,
    amount_cents INTEGER NOT NULL
);
INSERT INTO accounts VALUES ('ann', 'Ann', 500), ('bob', 'Bob', 0), ('chloé', 'Chloé', 250);
"""
START = {"ann": 500, "bob": 0, "chloé": 250}


def open_bank(path):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(SCHEMA)
    return conn


@pytest.fixture
def bank():
    conn = open_bank(":memory:")
    yield conn
    conn.close()


def balances(conn):
    return dict(conn.execute("SELECT id, balance_cents FROM accounts"))


def ledger(conn):
    return conn.execute("SELECT from_id, to_id, amount_cents FROM transfers ORDER BY id").fetchall()


def test_transfer_moves_the_money_and_writes_the_ledger(bank):
    transfer(bank, "ann", "bob", 200)
    assert balances(bank) == {"ann": 300, "bob": 200, "chloé": 250}
    assert ledger(bank) == [("ann", "bob", 200)]
    assert not bank.in_transaction, "the transaction is still open: COMMIT it"


def test_a_transfer_is_committed_and_visible_to_another_connection(tmp_path):
    path = tmp_path / "bank.db"
    conn = open_bank(path)
    other = sqlite3.connect(path)
    try:
        transfer(conn, "ann", "chloé", 500)
        assert balances(other) == {"ann": 0, "bob": 0, "chloé": 750}, "another connection cannot see the transfer: COMMIT it"
    finally:
        other.close()
        conn.close()


def test_emptying_an_account_to_exactly_zero_is_allowed(bank):
    transfer(bank, "chloé", "bob", 250)
    assert balances(bank)["chloé"] == 0


def test_the_smallest_amount_one_cent_is_allowed(bank):
    transfer(bank, "ann", "bob", 1)
    assert balances(bank) == {"ann": 499, "bob": 1, "chloé": 250}, "1 cent is a positive amount: only 0 and below are refused"


def test_an_overdraft_is_refused_and_changes_nothing(bank):
    with pytest.raises(InsufficientFunds, match="insufficient funds in 'ann'"):
        transfer(bank, "ann", "bob", 501)
    assert balances(bank) == START
    assert ledger(bank) == [], "the ledger row of a refused transfer survived: ROLLBACK the transaction"
    assert not bank.in_transaction, "a transaction was left open after the failure"


@pytest.mark.parametrize(
    ("from_id", "to_id", "missing"),
    [("zed", "bob", "zed"), ("ann", "zed", "zed")],
    ids=["unknown-source", "unknown-destination"],
)
def test_a_transfer_with_an_unknown_account_changes_nothing(bank, from_id, to_id, missing):
    with pytest.raises(UnknownAccount, match=f"unknown account '{missing}'"):
        transfer(bank, from_id, to_id, 100)
    assert balances(bank) == START, "money left ann although it never arrived: roll back the debit too"
    assert ledger(bank) == [], "the ledger row of a refused transfer survived: ROLLBACK the transaction"
    assert not bank.in_transaction


@pytest.mark.parametrize(
    ("from_id", "to_id", "amount", "message"),
    [
        ("ann", "bob", 0, "amount must be positive"),
        ("ann", "bob", -50, "amount must be positive"),
        ("ann", "ann", 10, "same account"),
    ],
    ids=["zero-amount", "negative-amount", "same-account"],
)
def test_invalid_transfers_are_refused(bank, from_id, to_id, amount, message):
    with pytest.raises(TransferError, match=message):
        transfer(bank, from_id, to_id, amount)
    assert balances(bank) == START
    assert not bank.in_transaction


def test_a_batch_undoes_only_the_failing_transfers(bank):
    batch = [
        ("ann", "bob", 100),
        ("bob", "chloé", 10_000),  # overdraft
        ("chloé", "ann", 50),
        ("ann", "zed", 10),  # unknown account, after the debit
        ("ann", "ann", 5),  # same account
    ]
    assert apply_batch(bank, batch) == [1, 3, 4]
    assert balances(bank) == {"ann": 450, "bob": 100, "chloé": 200}
    assert ledger(bank) == [("ann", "bob", 100), ("chloé", "ann", 50)], (
        "a failed transfer left its ledger row: ROLLBACK TO its savepoint"
    )
    assert not bank.in_transaction, "COMMIT the batch at the end"


def test_later_transfers_in_a_batch_see_the_earlier_ones(bank):
    assert apply_batch(bank, [("ann", "bob", 300), ("bob", "chloé", 300)]) == []
    assert balances(bank) == {"ann": 200, "bob": 0, "chloé": 550}


def test_a_batch_is_committed_and_visible_to_another_connection(tmp_path):
    path = tmp_path / "bank.db"
    conn = open_bank(path)
    other = sqlite3.connect(path)
    try:
        assert apply_batch(conn, [("ann", "bob", 100), ("bob", "ann", 999)]) == [1]
        assert balances(other) == {"ann": 400, "bob": 100, "chloé": 250}
    finally:
        other.close()
        conn.close()


def test_an_empty_batch_changes_nothing(bank):
    assert apply_batch(bank, []) == []
    assert balances(bank) == START
    assert not bank.in_transaction


class Interleaved:
    """The connection under test, wrapped: before each statement it sends, `before(index, sql)` runs.

    That is where the tests let a second connection act, exactly between two of your statements.
    """

    def __init__(self, conn, before):
        self._conn = conn
        self._before = before
        self.sent = 0

    def _next(self, sql):
        index, self.sent = self.sent, self.sent + 1
        self._before(index, " ".join(str(sql).split()))

    def execute(self, sql, *args):
        self._next(sql)
        return self._conn.execute(sql, *args)

    def executemany(self, sql, *args):
        self._next(sql)
        return self._conn.executemany(sql, *args)

    def executescript(self, script):
        self._next(script)
        return self._conn.executescript(script)

    def cursor(self, *args):
        return InterleavedCursor(self, self._conn.cursor(*args))

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def __enter__(self):
        self._conn.__enter__()
        return self

    def __exit__(self, *exc_info):
        return self._conn.__exit__(*exc_info)


class InterleavedCursor:
    def __init__(self, owner, cursor):
        self._owner = owner
        self._cursor = cursor

    def execute(self, sql, *args):
        self._owner._next(sql)
        self._cursor.execute(sql, *args)
        return self

    def executemany(self, sql, *args):
        self._owner._next(sql)
        self._cursor.executemany(sql, *args)
        return self

    def __getattr__(self, name):
        return getattr(self._cursor, name)

    def __iter__(self):
        return iter(self._cursor)


def open_file_bank(path):
    """A bank in a file, so that a second connection can open it; timeout=0: a locked database fails at once."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=0)
    conn.execute("PRAGMA synchronous = OFF")  # no waiting for the disk: these tests are about locks, not crashes
    if not conn.execute("SELECT name FROM sqlite_master WHERE name = 'accounts'").fetchone():
        conn.executescript(SCHEMA)
    return conn


def run_transfer(conn, move):
    """Runs one transfer; True if it went through, False if it was refused."""
    try:
        transfer(conn, *move)
    except InsufficientFunds:
        return False
    return True


def run_batch_of_one(conn, move):
    return apply_batch(conn, [move]) == []


RUNNERS = [pytest.param(run_transfer, id="transfer"), pytest.param(run_batch_of_one, id="apply_batch")]


def expected_balances(ledger_rows):
    expected = dict(START)
    for from_id, to_id, amount in ledger_rows:
        expected[from_id] -= amount
        expected[to_id] += amount
    return expected


@pytest.mark.parametrize("run", RUNNERS)
@pytest.mark.parametrize(
    ("first", "second"),
    [(("ann", "bob", 200), ("ann", "chloé", 200)), (("ann", "bob", 400), ("ann", "chloé", 400))],
    ids=["both-transfers-fit", "only-one-of-them-fits"],
)
def test_two_connections_transferring_at_the_same_time_never_create_or_lose_money(tmp_path, run, first, second):
    """The second connection's transfer runs between two of the first's statements, at every possible point."""
    for at in range(50):
        path = tmp_path / f"bank-{at}.db"
        mine, other = open_file_bank(path), open_file_bank(path)
        fired = []

        def meanwhile(index, sql):
            if index != at:
                return
            fired.append(sql)
            try:
                run(other, second)
            except sqlite3.OperationalError:
                pass  # "database is locked": refusing to wait for the first transfer is a correct answer
            assert not other.in_transaction, (
                "a transfer that failed with a database error (sqlite3.OperationalError, e.g. 'database is locked', "
                "which a COMMIT can raise too) left its transaction open: roll back on every exception, not only on "
                "TransferError, and send the COMMIT inside the try"
            )

        try:
            run(Interleaved(mine, meanwhile), first)
            money = balances(other)
            rows = ledger(other)
            assert sum(money.values()) == sum(START.values()), (
                f"with another transfer run just before your statement {fired[0] if fired else '(none)'!r}, the bank "
                f"ended with {money}: money was created or lost. Balances read before the transaction (or before the "
                "other connection committed) and then written back as computed numbers overwrite the other transfer "
                "(a lost update): let the UPDATE compute `balance_cents = balance_cents - ?` inside one transaction"
            )
            assert money == expected_balances(rows), (
                f"the balances {money} do not match the ledger {rows} (the other transfer ran just before your statement "
                f"{fired[0] if fired else None!r}): a ledger row without its balance change, or a check made outside "
                "the transaction, means the work was not one transaction"
            )
            assert not mine.in_transaction
        finally:
            mine.close()
            other.close()
        if not fired:
            return
    pytest.fail("transfer sent more than 50 statements")


@pytest.mark.parametrize(
    "run",
    [
        pytest.param(lambda conn: transfer(conn, "ann", "bob", 200), id="transfer"),
        pytest.param(lambda conn: apply_batch(conn, [("ann", "bob", 200), ("bob", "chloé", 50), ("zed", "ann", 1)]), id="apply_batch"),
    ],
)
def test_another_connection_sees_nothing_until_the_commit(tmp_path, run):
    path = tmp_path / "bank.db"
    mine, watcher = open_file_bank(path), open_file_bank(path)
    seen = []

    def look(index, sql):
        seen.append((sql, balances(watcher), ledger(watcher)))

    try:
        run(Interleaved(mine, look))
        assert seen, "the work must be done on the connection that is passed in"
        for sql, money, rows in seen:
            assert (money, rows) == (START, []), (
                f"before your statement {sql!r} another connection could already see {money} and ledger {rows}: "
                "every change must stay invisible until one COMMIT at the end (a half-done transfer or a half-done "
                "batch must never be visible)"
            )
        assert balances(watcher) != START, "after the function returns, its work must be committed"
    finally:
        mine.close()
        watcher.close()


def test_a_database_error_in_a_batch_undoes_the_whole_batch_and_is_raised(bank):
    inserts = []

    def disk_fails_on_the_second_ledger_row(index, sql):
        if sql.upper().startswith("INSERT"):
            inserts.append(sql)
            if len(inserts) == 2:
                raise sqlite3.OperationalError("disk I/O error")

    with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
        apply_batch(Interleaved(bank, disk_fails_on_the_second_ledger_row), [("ann", "bob", 100), ("ann", "bob", 50)])
    assert balances(bank) == START, (
        "only a TransferError refuses one item; any other error (here the database failing) must roll back the "
        "whole batch and propagate"
    )
    assert ledger(bank) == []
    assert not bank.in_transaction
