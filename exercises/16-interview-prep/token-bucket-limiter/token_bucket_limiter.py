"""A token-bucket rate limiter with an injected clock.

APIs protect themselves with rate limits: "10 requests per second, bursts of
up to 20". The token bucket algorithm does this with two numbers per client.
A bucket holds up to `capacity` tokens and starts full. Tokens flow back in
at `rate` tokens per second (never above capacity). A request of `cost`
tokens is allowed if the bucket holds at least `cost` tokens, which are then
taken out; otherwise it is refused and takes nothing.

The clock is a parameter (any function returning seconds as a float,
time.monotonic by default), so tests can move time forward without sleeping.
There are no timers: refill lazily, from the elapsed time, when asked.

TokenBucket(rate, capacity, clock=time.monotonic)
    rate <= 0 -> ValueError("rate must be positive, got 0")
    capacity <= 0 -> ValueError("capacity must be positive, got -1")
    .tokens       tokens available now (after refilling)
    .allow(cost=1) -> bool
    .retry_after(cost=1) -> float: seconds until allow(cost) can succeed (0.0 if now)
    for allow and retry_after: cost <= 0 -> ValueError("cost must be positive, got 0"),
    cost > capacity -> ValueError("cost 5 exceeds capacity 3")  (it could never succeed)

RateLimiter(rate, capacity, clock=time.monotonic): one bucket per client
    .allow(client, cost=1) -> bool   creates the client's bucket on first use
    len(limiter)                     number of clients with a bucket
    .prune() -> int                  forget clients whose bucket is full again
                                     (a full bucket is the same as a new one),
                                     return how many were removed

Example (rate 2 tokens/s, burst 3; the clock is a fake that starts at 0.0):
    bucket = TokenBucket(2, 3, clock)
    [bucket.allow() for _ in range(4)]  -> [True, True, True, False]
    bucket.retry_after()                -> 0.5
    (clock moves on 0.5 s)  bucket.allow() -> True
"""

import time
from collections.abc import Callable

Clock = Callable[[], float]


class TokenBucket:
    def __init__(self, rate: float, capacity: float, clock: Clock = time.monotonic) -> None:
        # TODO: validate, start full, remember the clock reading
        self.rate = rate
        self.capacity = capacity
        self._clock = clock

    @property
    def tokens(self) -> float:
        """Tokens available now."""
        # TODO
        raise NotImplementedError

    def allow(self, cost: float = 1) -> bool:
        """Take cost tokens if there are enough; say whether the request may go."""
        # TODO
        raise NotImplementedError

    def retry_after(self, cost: float = 1) -> float:
        """Seconds to wait before allow(cost) can succeed."""
        # TODO
        raise NotImplementedError


class RateLimiter:
    def __init__(self, rate: float, capacity: float, clock: Clock = time.monotonic) -> None:
        # TODO
        self.rate = rate
        self.capacity = capacity
        self._clock = clock

    def allow(self, client: str, cost: float = 1) -> bool:
        # TODO
        raise NotImplementedError

    def prune(self) -> int:
        # TODO
        raise NotImplementedError

    def __len__(self) -> int:
        # TODO
        raise NotImplementedError
