"""A tiny schema-migration runner, like the core of Alembic or Flyway.

A migrations directory holds SQL scripts named NNNN_description.sql:

    0001_create_users.sql      CREATE TABLE users (...);
    0002_add_user_email.sql    ALTER TABLE users ADD COLUMN email TEXT;

migrate(conn, directory) brings the database up to date and returns the
file names it applied, in order (["0001_create_users.sql", ...], or [] when
there is nothing new). The connection is opened with isolation_level=None,
so the sqlite3 module starts no transactions by itself: you write BEGIN,
COMMIT and ROLLBACK. Rules:

* Record each applied script in a table you create if missing:
      schema_migrations(version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL)
  with version 1 for 0001, name = the file name, checksum = the SHA-256 hex
  digest of the file's bytes. A recorded script is never run again.
* Apply pending scripts in version order, each one together with its
  schema_migrations row in ONE transaction: if a statement fails, none of
  that script's changes remain, it is not recorded, and you raise
  MigrationError("0003_backfill.sql failed: <the sqlite error>"). Scripts
  applied before it stay applied.
* Refuse to apply anything (raise MigrationError before any change) when:
  - a .sql file name does not match NNNN_name.sql ("bad migration file name ...");
  - two files have the same number ("duplicate migration version 0002 ...");
  - a number between 1 and the highest version (on disk or recorded) has no
    file ("missing migration 0002");
  - a recorded script's file changed ("checksum mismatch: 0001_create_users.sql ...").
  Files that do not end in .sql (README.md) are ignored.
"""
import hashlib
import re
import sqlite3
from pathlib import Path


class MigrationError(Exception):
    """The migrations directory is inconsistent, or a migration failed."""


def migrate(conn: sqlite3.Connection, directory: str | Path) -> list[str]:
    # TODO: 1. create schema_migrations if it does not exist
    # TODO: 2. read the files and the recorded rows; check names, duplicates, gaps, checksums
    # TODO: 3. apply each pending script in its own transaction and record it
    raise NotImplementedError
