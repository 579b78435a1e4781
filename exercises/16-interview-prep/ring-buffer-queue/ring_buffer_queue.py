"""A fixed-size queue as a ring buffer.

Logs, metrics and network code often keep "the last N things". Build a
RingBuffer: a FIFO queue of fixed capacity stored in a list that never grows,
plus a head index that wraps around. (collections.deque(maxlen=N) does this
for you at work; here you build it to see how it works: no deque allowed.)

- RingBuffer(capacity): capacity < 1 raises ValueError("capacity must be at least 1, got 0").
- append(item): add at the newest end. When the buffer is full, the oldest item
  is overwritten and returned; otherwise append returns None.
- popleft(): remove and return the oldest item; empty buffer raises
  IndexError("pop from an empty RingBuffer"). Put None in the freed slot, so
  the buffer does not keep a removed object alive.
- len(buf), iteration (oldest to newest), buf[i] with 0 = oldest and -1 = newest;
  a bad index raises IndexError("RingBuffer index out of range").

Example:
    >>> buf = RingBuffer(3)
    >>> for word in ["a", "b", "c"]: buf.append(word)
    >>> buf.append("d")          # full: "a" is overwritten
    'a'
    >>> list(buf), buf[0], buf[-1], len(buf)
    (['b', 'c', 'd'], 'b', 'd', 3)
"""

from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class RingBuffer(Generic[T]):
    def __init__(self, capacity: int) -> None:
        # TODO: validate capacity, then allocate the slots once
        self._slots: list[T | None] = []
        self._head = 0  # index in _slots of the oldest item
        self._size = 0  # number of items stored

    @property
    def capacity(self) -> int:
        return len(self._slots)

    def append(self, item: T) -> T | None:
        """Add item as the newest; return the overwritten oldest item, if any."""
        # TODO
        raise NotImplementedError

    def popleft(self) -> T:
        """Remove and return the oldest item."""
        # TODO
        raise NotImplementedError

    def __len__(self) -> int:
        # TODO
        raise NotImplementedError

    def __getitem__(self, index: int) -> T:
        # TODO
        raise NotImplementedError

    def __iter__(self) -> Iterator[T]:
        # TODO: oldest to newest
        raise NotImplementedError
