"""Settings from the environment (done: read it to see what the app gets)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    secret_key: str = field(repr=False)
    database_url: str = "sqlite://"
    token_minutes: int = 30

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        secret = environ.get("BOOKMARKS_SECRET_KEY", "")
        if len(secret) < 32:
            raise ValueError("BOOKMARKS_SECRET_KEY must be at least 32 characters")
        minutes = int(environ.get("BOOKMARKS_TOKEN_MINUTES", "30"))
        return cls(secret, environ.get("BOOKMARKS_DATABASE_URL", "sqlite://"), minutes)
