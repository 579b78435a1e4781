"""A JSON cache over Redis with one TTL for every entry (given)."""
import json
from typing import Any


class JsonCache:
    def __init__(self, redis_client, *, ttl_seconds: int = 300, prefix: str = "shoprepo:") -> None:
        self.redis = redis_client
        self.ttl_seconds = ttl_seconds
        self.prefix = prefix

    def get(self, key: str) -> Any | None:
        """The cached value, or None on a miss."""
        raw = self.redis.get(self.prefix + key)
        return None if raw is None else json.loads(raw)

    def set(self, key: str, value: Any) -> None:
        self.redis.set(self.prefix + key, json.dumps(value), ex=self.ttl_seconds)

    def delete(self, *keys: str) -> None:
        if keys:
            self.redis.delete(*(self.prefix + key for key in keys))
