"""A migration runner: ordered, numbered scripts, each applied once in a transaction."""
import hashlib
import re
import sqlite3
from pathlib import Path

NAME = re.compile(r"(\d{4})_\w+\.sql")


class MigrationError(Exception):
    """The migrations directory is inconsistent, or a migration failed."""


def _scripts(directory: Path) -> dict[int, Path]:
    scripts: dict[int, Path] = {}
    for path in directory.glob("*.sql"):
        match = NAME.fullmatch(path.name)
        if match is None:
            raise MigrationError(f"bad migration file name {path.name!r}: expected NNNN_name.sql")
        version = int(match[1])
        if version in scripts:
            raise MigrationError(f"duplicate migration version {version:04d}: {scripts[version].name} and {path.name}")
        scripts[version] = path
    return scripts


def _checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def migrate(conn: sqlite3.Connection, directory: str | Path) -> list[str]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL)"
    )
    scripts = _scripts(Path(directory))
    applied = dict(conn.execute("SELECT version, checksum FROM schema_migrations"))

    for version in range(1, max([*scripts, *applied], default=0) + 1):
        if version not in scripts:
            raise MigrationError(f"missing migration {version:04d}")
    for version, checksum in applied.items():
        if _checksum(scripts[version]) != checksum:
            raise MigrationError(f"checksum mismatch: {scripts[version].name} was changed after it was applied")

    done = []
    for version in sorted(scripts.keys() - applied.keys()):
        path = scripts[version]
        try:
            conn.executescript("BEGIN;\n" + path.read_text(encoding="utf-8"))
            conn.execute(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)",
                (version, path.name, _checksum(path)),
            )
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise MigrationError(f"{path.name} failed: {exc}") from exc
        done.append(path.name)
    return done
