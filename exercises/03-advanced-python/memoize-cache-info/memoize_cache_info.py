"""Custom decorators: @memoize with cache_info() and cache_clear().

Write the decorator `memoize`, a small cousin of functools.lru_cache. It
remembers the result for each distinct set of arguments, so an expensive
function runs only once per input. It also hangs two helpers on the
decorated function:

    @memoize
    def square(n: int) -> int:
        return n * n

    square(4); square(4); square(5)
    square.cache_info()    # -> CacheInfo(hits=1, misses=2, size=2)
    square.cache_clear()   # empties the cache and resets both counters to 0

Rules:
- Calls with the same positional and keyword arguments share one cache
  entry; the ORDER of keyword arguments does not matter. Calls that differ
  never share one: f(1, 2) and f((1, 2)), f(("x", 1)) and f(x=1),
  f(x=1, y=2) and f(x=2, y=1) are three pairs of different calls.
- Every result is cached, including None, 0 and "".
- If the function raises, nothing is cached and the error propagates.
- Unhashable arguments (a list, a dict) raise TypeError, as with lru_cache.
- The decorated function keeps its __name__ and __doc__.
- Each decorated function has its own cache and counters.

Do not use functools.lru_cache or functools.cache: the point is to build one.
"""

import functools
from collections.abc import Callable
from typing import Any, NamedTuple


class CacheInfo(NamedTuple):
    hits: int
    misses: int
    size: int


def memoize(func: Callable[..., Any]) -> Callable[..., Any]:
    """Cache func's results by argument; add .cache_info() and .cache_clear()."""
    # TODO: create the cache and counters here, define a wrapper (with
    #       functools.wraps) plus cache_info/cache_clear, attach them to the
    #       wrapper and return it.
    raise NotImplementedError
