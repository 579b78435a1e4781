"""Soft deletes that free the email again: a partial, expression UNIQUE index.

Users are never really deleted (orders still point at them, audits need
them); instead deleted_at is stamped. But a person who deleted their account
must be able to sign up again with the same email, while two LIVE accounts
may never share one, ignoring case ('Ada@x' and 'ada@x' are the same mailbox
for our purposes).

    users(id INTEGER PRIMARY KEY, email TEXT NOT NULL, deleted_at TEXT)
                                          -- deleted_at NULL = live

`UNIQUE (email, deleted_at)` looks right and is wrong: NULLs are never equal
to each other, so two live rows (both NULL) pass it. The tool is a partial
index over an expression, which SQLite and PostgreSQL both have:
    CREATE UNIQUE INDEX users_live_email ON users (lower(email))
        WHERE deleted_at IS NULL;

1. SCHEMA / create_schema(conn): the table and that index; running it twice
   is harmless (IF NOT EXISTS).
2. register(conn, email) -> new id. A live user with the same email (any
   case) raises EmailTaken: let the index refuse it (catch the
   sqlite3.IntegrityError) rather than checking first with a SELECT.
3. find_live(conn, email) -> id or None, case-insensitive, live users only.
   The planner uses a partial expression index only if the query repeats
   both the expression and the index's WHERE:
   `WHERE lower(email) = lower(?) AND deleted_at IS NULL`.
4. soft_delete(conn, user_id, now): stamp deleted_at = now on a LIVE user;
   an unknown or already deleted user raises LookupError (and a second
   delete must not move the first deletion time).
5. restore(conn, user_id): set deleted_at back to NULL for a DELETED user
   (else LookupError); if a live user has that email now, raise EmailTaken.
Every write is committed (`with conn:`); every value is a ? parameter.
(SQLite's lower() folds only ASCII; PostgreSQL's lower() folds all letters,
and there you might use the citext type instead.)
"""
import sqlite3

SCHEMA = """
-- TODO: the users table and the partial unique index
"""


class EmailTaken(Exception):
    pass


def create_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def register(conn: sqlite3.Connection, email: str) -> int:
    # TODO: INSERT; IntegrityError -> EmailTaken; return cursor.lastrowid
    raise NotImplementedError


def find_live(conn: sqlite3.Connection, email: str) -> int | None:
    # TODO
    raise NotImplementedError


def soft_delete(conn: sqlite3.Connection, user_id: int, now: str) -> None:
    # TODO: UPDATE ... WHERE id = ? AND deleted_at IS NULL; rowcount 0 -> LookupError
    raise NotImplementedError


def restore(conn: sqlite3.Connection, user_id: int) -> None:
    # TODO
    raise NotImplementedError
