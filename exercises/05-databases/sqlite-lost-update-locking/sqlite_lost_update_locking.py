"""Two connections, one file: prevent lost updates with locks and versions.

A lost update: two processes read qty = 10, one adds 5, the other adds 3,
each writes its own result, and the shop has 13 pens instead of 18. Every
test here runs a second connection on the same SQLite file (in WAL mode, as
services run it) and lets it write at the worst moment: between your read
and your write. The table:
    products(sku TEXT PRIMARY KEY, name TEXT NOT NULL,
             qty INTEGER NOT NULL, version INTEGER NOT NULL DEFAULT 1)
Values always travel as ? parameters.

1. connect(path, *, busy_timeout_ms=5000) -> sqlite3.Connection
   Open the file with isolation_level=None (autocommit: nothing is wrapped
   in a transaction unless you write BEGIN yourself) and a busy timeout:
   when another connection holds the write lock, wait up to that long for
   it before failing with sqlite3.OperationalError('database is locked').
   sqlite3.connect's `timeout` (in seconds) sets it.

2. add_stock(conn, sku, delta) -> the new quantity (pessimistic locking)
   Read the quantity, compute qty + delta in Python, write it back, all in
   ONE transaction that takes the write lock BEFORE the read:
   `BEGIN IMMEDIATE` ... `COMMIT`. (A plain or deferred `BEGIN` only takes
   the lock at the first write; in WAL mode SQLite then refuses that write
   because your read is stale.) The result may not be negative: raise
   ValueError naming the sku. An unknown sku raises LookupError. On any
   error, ROLLBACK before re-raising, so no transaction stays open.
   (One conditional UPDATE would be atomic too; practise the transaction.)

3. get_product(conn, sku) -> (name, version); an unknown sku: LookupError
   naming the sku.

4. rename_product(conn, sku, new_name, expected_version) -> new version
   (optimistic locking, for edits made in a form over minutes: no lock can
   be held that long). The caller read the row at expected_version; save
   only if it is still at that version, and bump it by one. Put the check
   in the UPDATE itself, `... WHERE sku = ? AND version = ?`, and look at
   cursor.rowcount: 0 rows means someone saved first, so raise
   StaleVersionError naming the current version (or LookupError naming the
   sku if it does not exist). A SELECT-then-UPDATE check leaves a gap for another save.

    >>> rename_product(conn, "PEN", "Blue pen", 1)
    2
    >>> rename_product(conn, "PEN", "Red pen", 1)
    StaleVersionError: 'PEN' is at version 2, not 1: reload it and apply your change again
"""
import sqlite3
from pathlib import Path


class StaleVersionError(Exception):
    """Someone else saved the row since you read it."""


def connect(path: Path, *, busy_timeout_ms: int = 5000) -> sqlite3.Connection:
    # TODO: sqlite3.connect(path, timeout=..., isolation_level=None)
    raise NotImplementedError


def add_stock(conn: sqlite3.Connection, sku: str, delta: int) -> int:
    # TODO: BEGIN IMMEDIATE; SELECT; check; UPDATE; COMMIT (ROLLBACK on any error)
    raise NotImplementedError


def get_product(conn: sqlite3.Connection, sku: str) -> tuple[str, int]:
    # TODO
    raise NotImplementedError


def rename_product(conn: sqlite3.Connection, sku: str, new_name: str, expected_version: int) -> int:
    # TODO: UPDATE ... SET name = ?, version = version + 1 WHERE sku = ? AND version = ?
    raise NotImplementedError
