"""Canary routing by a stable hash, and a blue/green switch."""
import hashlib
from dataclasses import dataclass


def bucket(user_id: str, salt: str = "") -> int:
    digest = hashlib.sha256(f"{salt}:{user_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % 100


def in_canary(user_id: str, percent: int, salt: str = "") -> bool:
    if not 0 <= percent <= 100:
        raise ValueError(f"percent must be between 0 and 100, got {percent}")
    return bucket(user_id, salt) < percent


@dataclass
class BlueGreen:
    live: str = "blue"
    canary_percent: int = 0

    @property
    def idle(self) -> str:
        return "green" if self.live == "blue" else "blue"

    def start_canary(self, percent: int) -> None:
        if not 0 <= percent <= 100:
            raise ValueError(f"percent must be between 0 and 100, got {percent}")
        self.canary_percent = percent

    def route(self, user_id: str) -> str:
        return self.idle if in_canary(user_id, self.canary_percent) else self.live

    def promote(self) -> None:
        self.live = self.idle
        self.canary_percent = 0

    def rollback(self) -> None:
        self.canary_percent = 0
