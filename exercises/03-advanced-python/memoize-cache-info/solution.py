"""Custom decorators: @memoize with cache_info() and cache_clear()."""

import functools
from collections.abc import Callable
from typing import Any, NamedTuple


class CacheInfo(NamedTuple):
    hits: int
    misses: int
    size: int


def memoize(func: Callable[..., Any]) -> Callable[..., Any]:
    """Cache func's results by argument; add .cache_info() and .cache_clear()."""
    cache: dict[Any, Any] = {}
    hits = misses = 0

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal hits, misses
        key = (args, tuple(sorted(kwargs.items())))
        if key in cache:
            hits += 1
            return cache[key]
        misses += 1
        result = cache[key] = func(*args, **kwargs)
        return result

    def cache_info() -> CacheInfo:
        return CacheInfo(hits, misses, len(cache))

    def cache_clear() -> None:
        nonlocal hits, misses
        cache.clear()
        hits = misses = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper
