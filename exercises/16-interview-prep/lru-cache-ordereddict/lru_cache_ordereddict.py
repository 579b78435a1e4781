"""An LRU cache with OrderedDict.

A cache holds at most `capacity` entries. When it is full and a new key
arrives, it evicts the Least Recently Used entry: the one read or written
longest ago. (functools.lru_cache does this for function calls; here you
build the data structure yourself, the classic interview question.)

- LRUCache(capacity): capacity < 1 raises ValueError("capacity must be at least 1, got 0").
- get(key, default=None): the value (and the key becomes the most recently
  used), or default if the key is absent.
- put(key, value): insert or update; the key becomes the most recently used.
  If that makes the cache too big, evict the least recently used entry and
  return it as a (key, value) tuple; otherwise return None.
- `key in cache` and len(cache) do NOT count as a use.
- keys(): a list of the keys from least to most recently used.

Example:
    >>> cache = LRUCache(2)
    >>> cache.put("a", 1); cache.put("b", 2)
    >>> cache.get("a")          # "a" is now the most recent
    1
    >>> cache.put("c", 3)       # full: evicts "b", the least recently used
    ('b', 2)
    >>> cache.keys()
    ['a', 'c']

Every operation must be O(1): the tests do 100 000 of them on a big cache.
"""

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any


class LRUCache:
    def __init__(self, capacity: int) -> None:
        # TODO: validate capacity
        self.capacity = capacity
        self._data: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, key: Hashable, default: Any = None) -> Any:
        """Return the value for key and mark it as just used."""
        # TODO
        raise NotImplementedError

    def put(self, key: Hashable, value: Any) -> tuple[Hashable, Any] | None:
        """Store value under key; return the evicted (key, value), if any."""
        # TODO
        raise NotImplementedError

    def keys(self) -> list[Hashable]:
        """Keys from least to most recently used."""
        # TODO
        raise NotImplementedError

    def __contains__(self, key: Hashable) -> bool:
        # TODO
        raise NotImplementedError

    def __len__(self) -> int:
        # TODO
        raise NotImplementedError
