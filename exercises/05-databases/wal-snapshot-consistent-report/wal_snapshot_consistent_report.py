"""A report that adds up: read several queries from one snapshot.

Isolation, the I of ACID, matters for readers too. A month-end report runs
three SELECTs; between them the bank's application commits deposits. In
autocommit mode each SELECT sees the database as it is at that moment, so
the report says the accounts hold 1500 while the ledger holds 1750: numbers
that never existed together. In WAL mode (journal_mode=WAL, which the tests
use) a read transaction fixes that: from its first read until COMMIT, every
SELECT sees one snapshot, and meanwhile writers carry on undisturbed.

The tests create
    accounts(id INTEGER PRIMARY KEY, owner TEXT NOT NULL UNIQUE, balance_cents INTEGER NOT NULL)
    ledger(id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, amount_cents INTEGER NOT NULL)
and commit a deposit (from another connection) just before each of your
SELECTs except the first.

1. open_reader(path) -> sqlite3.Connection
   Autocommit mode (isolation_level=None: you write BEGIN yourself), and
   `PRAGMA query_only = ON` so this connection can never write by mistake.

2. balance_report(conn) -> dict
       {"accounts": {owner: balance_cents, ...},
        "total_cents": SUM(balance_cents) (0 when there are no accounts),
        "ledger_cents": SUM(amount_cents) (0 when the ledger is empty)}
   Three SELECTs, all inside ONE read transaction: a plain `BEGIN` (deferred:
   it takes no write lock, so deposits are not blocked; BEGIN IMMEDIATE would
   make them fail), then the SELECTs, then `COMMIT`, in a finally so the
   transaction also ends when a query fails (an open read transaction keeps
   seeing the past and stops SQLite from checkpointing the WAL).

    >>> balance_report(open_reader(Path("bank.db")))
    {'accounts': {'ada': 1000, 'grace': 500, 'zoë': 0}, 'total_cents': 1500, 'ledger_cents': 1500}

On PostgreSQL the same idea is `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`:
its default, READ COMMITTED, gives each statement a new snapshot.
"""
import sqlite3
from pathlib import Path


def open_reader(path: Path) -> sqlite3.Connection:
    # TODO
    raise NotImplementedError


def balance_report(conn: sqlite3.Connection) -> dict:
    # TODO: BEGIN; three SELECTs; COMMIT in a finally
    raise NotImplementedError
