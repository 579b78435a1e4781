"""Atomic transfers with explicit transactions, and a batch that uses savepoints."""
import sqlite3


class TransferError(Exception):
    """A transfer was refused; nothing was changed."""


class UnknownAccount(TransferError):
    pass


class InsufficientFunds(TransferError):
    pass


def _move(conn: sqlite3.Connection, from_id: str, to_id: str, amount_cents: int) -> None:
    """The statements of one transfer; the caller owns the transaction."""
    if amount_cents <= 0:
        raise TransferError(f"amount must be positive, got {amount_cents}")
    if from_id == to_id:
        raise TransferError(f"cannot transfer to the same account {from_id!r}")
    conn.execute(
        "INSERT INTO transfers (from_id, to_id, amount_cents) VALUES (?, ?, ?)",
        (from_id, to_id, amount_cents),
    )
    try:
        debit = conn.execute(
            "UPDATE accounts SET balance_cents = balance_cents - ? WHERE id = ?", (amount_cents, from_id)
        )
    except sqlite3.IntegrityError as exc:
        raise InsufficientFunds(f"insufficient funds in {from_id!r}") from exc
    if debit.rowcount == 0:
        raise UnknownAccount(f"unknown account {from_id!r}")
    credit = conn.execute(
        "UPDATE accounts SET balance_cents = balance_cents + ? WHERE id = ?", (amount_cents, to_id)
    )
    if credit.rowcount == 0:
        raise UnknownAccount(f"unknown account {to_id!r}")


def transfer(conn: sqlite3.Connection, from_id: str, to_id: str, amount_cents: int) -> None:
    conn.execute("BEGIN")
    try:
        _move(conn, from_id, to_id, amount_cents)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def apply_batch(conn: sqlite3.Connection, transfers: list[tuple[str, str, int]]) -> list[int]:
    failed = []
    conn.execute("BEGIN")
    try:
        for index, (from_id, to_id, amount_cents) in enumerate(transfers):
            conn.execute("SAVEPOINT item")
            try:
                _move(conn, from_id, to_id, amount_cents)
            except TransferError:
                conn.execute("ROLLBACK TO item")
                failed.append(index)
            conn.execute("RELEASE item")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return failed
