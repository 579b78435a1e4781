"""Back up a live SQLite database with the online backup API.

Copying a database file with shutil.copy while an application has it open is
how backups get lost: in WAL mode (journal_mode=WAL, what most services use)
committed rows sit in the side file `app.db-wal` until a checkpoint moves them
into `app.db`, and a copy taken during a write can be torn. SQLite's online
backup API copies the database page by page through a connection, so the copy
is a consistent snapshot that includes everything committed, plus the schema,
indexes and header values such as `PRAGMA user_version`. Python exposes it as
`Connection.backup(target, *, pages=-1, progress=None)`.

1. quote_identifier(name) -> str
   Table names cannot be `?` parameters (parameters are for values only), so
   when you must put a name into SQL, quote it as an identifier: wrap it in
   double quotes and double every double quote inside.
       quote_identifier('order')    -> '"order"'
       quote_identifier('a"b')      -> '"a""b"'   (printed: "a""b")

2. backup_database(source, dest, *, pages_per_step=-1, progress=None) -> dict
   Copy the SQLite database file `source` into the file `dest` with the
   backup API and return the number of rows in every table of the copy,
   {table_name: row_count} (leave out SQLite's internal tables, whose names
   start with 'sqlite_', such as sqlite_sequence).
   - A `source` that does not exist raises FileNotFoundError naming it, and
     no file is created there (sqlite3.connect would silently create an
     empty database, and you would "back up" nothing).
   - `dest` is replaced entirely: tables that were in an old file at `dest`
     are gone afterwards.
   - Pass `pages_per_step` and `progress` on to the backup: with pages=1 the
     copy goes one page at a time and progress(status, remaining, total) is
     called after every step.

       >>> backup_database(Path("app.db"), Path("app-backup.db"))
       {'customers': 3, 'order': 5}
"""
import sqlite3
from collections.abc import Callable
from pathlib import Path

Progress = Callable[[int, int, int], object]


def quote_identifier(name: str) -> str:
    # TODO: '"' + name with every '"' doubled + '"'
    raise NotImplementedError


def backup_database(
    source: Path,
    dest: Path,
    *,
    pages_per_step: int = -1,
    progress: Progress | None = None,
) -> dict[str, int]:
    # TODO: refuse a missing source, then src.backup(dst, pages=..., progress=...)
    # TODO: count the rows of every table in the copy
    raise NotImplementedError
