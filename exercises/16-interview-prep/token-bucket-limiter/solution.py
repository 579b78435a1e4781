"""A token-bucket rate limiter with an injected clock (reference solution)."""

import time
from collections.abc import Callable

Clock = Callable[[], float]


class TokenBucket:
    def __init__(self, rate: float, capacity: float, clock: Clock = time.monotonic) -> None:
        if rate <= 0:
            raise ValueError(f"rate must be positive, got {rate}")
        if capacity <= 0:
            raise ValueError(f"capacity must be positive, got {capacity}")
        self.rate = rate
        self.capacity = capacity
        self._clock = clock
        self._tokens = capacity
        self._last = clock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._last) * self.rate)
        self._last = now

    def _check_cost(self, cost: float) -> None:
        if cost <= 0:
            raise ValueError(f"cost must be positive, got {cost}")
        if cost > self.capacity:
            raise ValueError(f"cost {cost} exceeds capacity {self.capacity}")

    @property
    def tokens(self) -> float:
        """Tokens available now."""
        self._refill()
        return self._tokens

    def allow(self, cost: float = 1) -> bool:
        """Take cost tokens if there are enough; say whether the request may go."""
        self._check_cost(cost)
        self._refill()
        if self._tokens >= cost:
            self._tokens -= cost
            return True
        return False

    def retry_after(self, cost: float = 1) -> float:
        """Seconds to wait before allow(cost) can succeed."""
        self._check_cost(cost)
        self._refill()
        return max(0.0, (cost - self._tokens) / self.rate)


class RateLimiter:
    def __init__(self, rate: float, capacity: float, clock: Clock = time.monotonic) -> None:
        self.rate = rate
        self.capacity = capacity
        self._clock = clock
        self._buckets: dict[str, TokenBucket] = {}

    def allow(self, client: str, cost: float = 1) -> bool:
        if client not in self._buckets:
            self._buckets[client] = TokenBucket(self.rate, self.capacity, self._clock)
        return self._buckets[client].allow(cost)

    def prune(self) -> int:
        full = [client for client, bucket in self._buckets.items()
                if bucket.tokens >= bucket.capacity]
        for client in full:
            del self._buckets[client]
        return len(full)

    def __len__(self) -> int:
        return len(self._buckets)
