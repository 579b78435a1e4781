"""A TTL cache with stampede protection (single flight).

A popular key expires and a thousand requests arrive at once: without
protection all of them miss the cache and hit the database together (a
cache stampede). A single-flight cache lets ONE caller load a missing key;
the others wait for that load and share its result.

TTLCache(loader, ttl, clock=time.monotonic)
    loader(key) computes a value (slow: a database query, an HTTP call).
    ttl > 0 seconds, else ValueError("ttl must be positive, got 0").
    clock() returns seconds; tests inject a fake one.

.get(key)
    A cached value stored at time t is fresh while clock() < t + ttl (at
    exactly t + ttl it has expired; t is read when the load FINISHES).
    Fresh: return it without calling loader. Otherwise load it:
    - only one loader(key) call runs at a time per key: threads asking for
      a key that is being loaded wait for that load and get its value (or
      its exception) instead of calling loader again;
    - loads of DIFFERENT keys run in parallel: never hold a lock while
      loader runs (a slow key must not block the others);
    - if loader raises, every caller waiting on that load gets the same
      exception, nothing is cached, and the next get tries again.
.invalidate(key) -> bool     drop a cached value; True if there was one
.purge() -> int              drop every expired value; return how many
len(cache)                   values stored, fresh or expired (not loads in flight)

Example (clock starts at 0, ttl 10):
    cache = TTLCache(load_user, ttl=10, clock=clock)
    cache.get(1)   # calls load_user(1)
    cache.get(1)   # cached: no call
    (clock moves to 10)
    cache.get(1)   # expired: calls load_user(1) again
"""

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any


class TTLCache:
    def __init__(self, loader: Callable[[Any], Any], ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        # TODO: validate ttl; a lock, the stored values, the loads in flight
        self._loader = loader
        self.ttl = ttl
        self._clock = clock

    def get(self, key: Hashable) -> Any:
        raise NotImplementedError

    def invalidate(self, key: Hashable) -> bool:
        raise NotImplementedError

    def purge(self) -> int:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError
