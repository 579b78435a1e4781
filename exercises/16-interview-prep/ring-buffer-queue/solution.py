"""A fixed-size queue as a ring buffer (reference solution)."""

from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class RingBuffer(Generic[T]):
    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity}")
        self._slots: list[T | None] = [None] * capacity
        self._head = 0  # index in _slots of the oldest item
        self._size = 0  # number of items stored

    @property
    def capacity(self) -> int:
        return len(self._slots)

    def append(self, item: T) -> T | None:
        """Add item as the newest; return the overwritten oldest item, if any."""
        if self._size == self.capacity:
            evicted = self._slots[self._head]
            self._slots[self._head] = item
            self._head = (self._head + 1) % self.capacity
            return evicted
        self._slots[(self._head + self._size) % self.capacity] = item
        self._size += 1
        return None

    def popleft(self) -> T:
        """Remove and return the oldest item."""
        if not self._size:
            raise IndexError("pop from an empty RingBuffer")
        item = self._slots[self._head]
        self._slots[self._head] = None
        self._head = (self._head + 1) % self.capacity
        self._size -= 1
        return item

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, index: int) -> T:
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError("RingBuffer index out of range")
        return self._slots[(self._head + index) % self.capacity]

    def __iter__(self) -> Iterator[T]:
        for index in range(self._size):
            yield self[index]
