"""Move money between accounts so that it is never created or lost.

The tests create these tables and open the connection with
sqlite3.connect(path, isolation_level=None):

    accounts(id TEXT PRIMARY KEY, owner TEXT NOT NULL,
             balance_cents INTEGER NOT NULL CHECK (balance_cents >= 0))
    transfers(id INTEGER PRIMARY KEY, from_id TEXT NOT NULL, to_id TEXT NOT NULL,
              amount_cents INTEGER NOT NULL)            -- the ledger

About transactions in Python's sqlite3 module: by default (isolation_level="")
it silently sends BEGIN before the first INSERT/UPDATE/DELETE and waits for
you to call conn.commit(); `with conn:` then commits or rolls back, but it
never starts a transaction itself. That implicit BEGIN is easy to forget and
mixes badly with SAVEPOINT. With isolation_level=None the module does
nothing behind your back: every statement commits on its own unless YOU
send BEGIN, and then nothing is permanent until you send COMMIT (or
undone by ROLLBACK). (Python 3.12 adds conn.autocommit for the same choice.)

1. transfer(conn, from_id, to_id, amount_cents): in ONE transaction, add a
   ledger row, take the amount from one account and add it to the other.
   On any failure roll everything back, leave no transaction open, and raise:
     TransferError("amount must be positive ...")  amount_cents <= 0
     TransferError("cannot transfer to the same account ...")
     UnknownAccount("unknown account 'zed'")       either id does not exist
     InsufficientFunds("insufficient funds in 'ann'")   balance would go below 0
       transfer(conn, "ann", "bob", 200)   # ann 500 -> 300, bob 0 -> 200

2. apply_batch(conn, transfers) -> the indexes of the transfers that failed.
   All of the batch runs in one transaction; each transfer gets a SAVEPOINT,
   so a failing one (a TransferError) is undone on its own (its ledger row
   too) while the others are committed together. Any other error (say
   sqlite3.OperationalError) rolls back the whole batch and is raised.
       apply_batch(conn, [("ann", "bob", 100), ("bob", "cy", 10_000), ("ann", "cy", 50)]) -> [1]

Other connections use the same file at the same time. They must never see
half of your work, and two transfers racing each other must never create
or lose money: a balance read (SELECT) before your transaction began and
then written back as a computed number overwrites whatever another
connection committed in between. Let UPDATE do the arithmetic
(balance_cents = balance_cents - ?) inside the transaction. If the other
connection holds the lock, failing at once with sqlite3.OperationalError
("database is locked") is fine, as long as nothing is left half done and
no transaction is left open, even when it is the COMMIT that fails.
"""
import sqlite3


class TransferError(Exception):
    """A transfer was refused; nothing was changed."""


class UnknownAccount(TransferError):
    pass


class InsufficientFunds(TransferError):
    pass


def transfer(conn: sqlite3.Connection, from_id: str, to_id: str, amount_cents: int) -> None:
    # TODO: validate, BEGIN, do the three statements, COMMIT; ROLLBACK and re-raise on failure.
    raise NotImplementedError


def apply_batch(conn: sqlite3.Connection, transfers: list[tuple[str, str, int]]) -> list[int]:
    # TODO: BEGIN; per transfer SAVEPOINT / RELEASE, or ROLLBACK TO on TransferError; COMMIT.
    raise NotImplementedError
