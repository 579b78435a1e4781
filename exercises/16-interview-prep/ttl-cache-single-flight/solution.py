"""A TTL cache with stampede protection (reference solution)."""

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any


class _Flight:
    """One load in progress: followers wait on done, then read value or error."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: Any = None
        self.error: BaseException | None = None


class TTLCache:
    def __init__(self, loader: Callable[[Any], Any], ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        if ttl <= 0:
            raise ValueError(f"ttl must be positive, got {ttl}")
        self._loader = loader
        self.ttl = ttl
        self._clock = clock
        self._lock = threading.Lock()  # guards the two dicts, never held while loading
        self._values: dict[Hashable, tuple[Any, float]] = {}  # key -> (value, expires_at)
        self._flights: dict[Hashable, _Flight] = {}

    def get(self, key: Hashable) -> Any:
        with self._lock:
            stored = self._values.get(key)
            if stored is not None and self._clock() < stored[1]:
                return stored[0]
            flight = self._flights.get(key)
            leader = flight is None
            if leader:
                flight = self._flights[key] = _Flight()
        if not leader:
            flight.done.wait()
            if flight.error is not None:
                raise flight.error
            return flight.value
        try:
            flight.value = self._loader(key)
        except BaseException as error:  # followers get it too, Ctrl-C included
            flight.error = error
            raise
        finally:
            with self._lock:
                if flight.error is None:
                    self._values[key] = (flight.value, self._clock() + self.ttl)
                del self._flights[key]
            flight.done.set()  # never leave followers waiting
        return flight.value

    def invalidate(self, key: Hashable) -> bool:
        with self._lock:
            return self._values.pop(key, None) is not None

    def purge(self) -> int:
        with self._lock:
            now = self._clock()
            expired = [key for key, (_, expires_at) in self._values.items() if expires_at <= now]
            for key in expired:
                del self._values[key]
            return len(expired)

    def __len__(self) -> int:
        with self._lock:
            return len(self._values)
