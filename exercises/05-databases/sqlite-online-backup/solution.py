"""Back up a live SQLite database with the online backup API."""
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

Progress = Callable[[int, int, int], object]


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def backup_database(
    source: Path,
    dest: Path,
    *,
    pages_per_step: int = -1,
    progress: Progress | None = None,
) -> dict[str, int]:
    if not source.exists():
        raise FileNotFoundError(f"no database at {source}")
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(dest)) as dst:
        src.backup(dst, pages=pages_per_step, progress=progress)
        names = [
            name
            for (name,) in dst.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith("sqlite_")
        ]
        return {
            name: dst.execute(f"SELECT COUNT(*) FROM {quote_identifier(name)}").fetchone()[0]
            for name in names
        }
