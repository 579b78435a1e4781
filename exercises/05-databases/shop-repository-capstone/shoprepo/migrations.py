"""Apply the schema migrations in order, recorded in PRAGMA user_version (given)."""
import sqlite3

from .schema import MIGRATIONS


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the pending migrations, each in its own transaction; return the schema version.

    The connection must be in autocommit mode (isolation_level=None).
    """
    (current,) = conn.execute("PRAGMA user_version").fetchone()
    for version, sql in enumerate(MIGRATIONS[current:], start=current + 1):
        try:
            # a PRAGMA takes no ? parameters; version is an int we computed, never user input
            conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    (current,) = conn.execute("PRAGMA user_version").fetchone()
    return current
