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
