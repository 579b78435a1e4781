"""Wire the shop's repository: connection, migrations, cache."""
import sqlite3
from pathlib import Path

from shoprepo import JsonCache, ProductRepository, migrate


def open_repository(db_path: Path, redis_client, *, busy_timeout_ms: int = 5000,
                    cache_ttl_seconds: int = 300) -> ProductRepository:
    conn = sqlite3.connect(db_path, timeout=busy_timeout_ms / 1000, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn)
    return ProductRepository(conn, JsonCache(redis_client, ttl_seconds=cache_ttl_seconds))
