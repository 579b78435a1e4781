"""Memory: __slots__, a generator pipeline, and a cache of weak references."""

import weakref
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any


class Reading:
    """One sensor reading. There are millions of them, so no per-instance __dict__."""

    __slots__ = ("sensor", "value", "__weakref__")

    def __init__(self, sensor: str, value: float) -> None:
        self.sensor = sensor
        self.value = value


def parse_readings(lines: Iterable[str]) -> Iterator[Reading]:
    """Yield a Reading for every "sensor,value" line, skipping blanks and # comments."""
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        sensor, comma, value = line.partition(",")
        try:
            yield Reading(sensor.strip(), float(value))
        except ValueError:
            raise ValueError(f"line {number}: cannot read {line!r}") from None


def above(readings: Iterable[Reading], threshold: float) -> Iterator[Reading]:
    """Yield only the readings whose value is greater than threshold."""
    return (reading for reading in readings if reading.value > threshold)


def total_above(lines: Iterable[str], threshold: float) -> float:
    """Sum of the values greater than threshold, reading the lines one at a time."""
    return sum(reading.value for reading in above(parse_readings(lines), threshold))


class WeakCache:
    """Hand out one shared object per key for as long as somebody is using it."""

    def __init__(self, factory: Callable[[Hashable], Any]) -> None:
        self._factory = factory
        self._objects: weakref.WeakValueDictionary = weakref.WeakValueDictionary()

    def get(self, key: Hashable) -> Any:
        obj = self._objects.get(key)
        if obj is None:
            obj = self._factory(key)
            self._objects[key] = obj
        return obj

    def __len__(self) -> int:
        return len(self._objects)

    def __contains__(self, key: object) -> bool:
        return key in self._objects
