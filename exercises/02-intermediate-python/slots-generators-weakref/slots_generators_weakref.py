"""Memory: __slots__, a generator pipeline, and a cache of weak references.

A sensor log has millions of lines like "boiler-1,73.5". Process it without
running out of memory:

1. `Reading(sensor, value)`: a small class with `__slots__`, so instances have
   no per-instance __dict__ (much less memory each, and a typo such as
   `reading.vaule = 3` raises AttributeError instead of silently adding an
   attribute). Readings are also kept in a WeakCache (below), so they must
   support weak references too.

2. A pipeline of generators that never holds more than one line at a time:
   - `parse_readings(lines)` yields a Reading per "sensor,value" line (spaces
     around either part are ignored), skipping blank lines and lines starting
     with "#". A line it cannot read raises
     ValueError("line <n>: cannot read <the line, quoted>"), n counting from 1.
   - `above(readings, threshold)` yields the readings with value > threshold.
   - `total_above(lines, threshold)` sums their values using the two above.

       total_above(["a,1.5", "# note", "b, 60", "c,70.5"], 50)  # -> 130.5

   The tests feed 10,000 lines through total_above while tracemalloc watches:
   the peak must stay under 100 kB, so no lists of lines or readings.

3. `WeakCache(factory)`: `cache.get(key)` returns the object it gave out before
   for that key, as long as somebody still uses it, and otherwise calls
   `factory(key)` and remembers the new object WEAKLY (a
   weakref.WeakValueDictionary), so the cache never keeps objects alive on
   its own. `len(cache)` and `key in cache` count only objects still alive.
   An object that cannot be weakly referenced (an int, say) makes `get` raise
   TypeError.
"""

import weakref
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any


class Reading:
    """One sensor reading. There are millions of them, so no per-instance __dict__."""

    # TODO: __slots__ = (...)

    def __init__(self, sensor: str, value: float) -> None:
        self.sensor = sensor
        self.value = value


def parse_readings(lines: Iterable[str]) -> Iterator[Reading]:
    """Yield a Reading for every "sensor,value" line, skipping blanks and # comments."""
    # TODO: a generator function (use `yield`).
    raise NotImplementedError


def above(readings: Iterable[Reading], threshold: float) -> Iterator[Reading]:
    """Yield only the readings whose value is greater than threshold."""
    # TODO
    raise NotImplementedError


def total_above(lines: Iterable[str], threshold: float) -> float:
    """Sum of the values greater than threshold, reading the lines one at a time."""
    # TODO
    raise NotImplementedError


class WeakCache:
    """Hand out one shared object per key for as long as somebody is using it."""

    def __init__(self, factory: Callable[[Hashable], Any]) -> None:
        # TODO: keep the factory and a weakref.WeakValueDictionary.
        raise NotImplementedError

    def get(self, key: Hashable) -> Any:
        # TODO
        raise NotImplementedError

    def __len__(self) -> int:
        # TODO
        raise NotImplementedError

    def __contains__(self, key: object) -> bool:
        # TODO
        raise NotImplementedError
