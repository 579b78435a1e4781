"""Threads: a counter guarded by a Lock, and a thread pool that keeps order."""

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


class SafeCounter:
    """An integer counter that many threads can increment at the same time."""

    def __init__(self, start: int = 0) -> None:
        self._value = start
        self._lock = threading.Lock()

    def increment(self, amount: int = 1) -> int:
        """Add `amount` (at least 1) and return the new value."""
        if amount < 1:
            raise ValueError("amount must be at least 1")
        with self._lock:
            self._value += amount
            return self._value

    @property
    def value(self) -> int:
        """The current value."""
        with self._lock:
            return self._value


def fetch_all(fetch: Callable[[T], R], urls: Iterable[T], max_workers: int = 4) -> list[R]:
    """Call fetch(url) for every url on a pool of threads; results in the order of urls."""
    with ThreadPoolExecutor(max_workers=max_workers) as pool:
        return list(pool.map(fetch, urls))
