"""Heaps: top-k of a stream and a lazy k-way merge (reference solution)."""

import heapq
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


def top_k(items: Iterable[T], k: int, *, key: Callable[[T], Any] | None = None) -> list[T]:
    """Return the k largest items, largest first; ties keep input order."""
    if k < 0:
        raise ValueError(f"k must be >= 0, got {k}")
    if k == 0:
        return []
    heap: list[tuple[Any, int, T]] = []  # the weakest of the current top k is heap[0]
    for index, item in enumerate(items):
        # -index: among equal keys the later item is smaller and leaves first;
        # indexes are unique, so a comparison never reaches the item itself.
        entry = (item if key is None else key(item), -index, item)
        if len(heap) < k:
            heapq.heappush(heap, entry)
        elif entry > heap[0]:
            heapq.heapreplace(heap, entry)
    return [item for _, _, item in sorted(heap, reverse=True)]


def merge_sorted(*streams: Iterable[T], key: Callable[[T], Any] | None = None) -> Iterator[T]:
    """Lazily merge sorted iterables into one sorted iterator."""
    heap: list[tuple[Any, int, T, Iterator[T]]] = []
    for number, stream in enumerate(streams):
        iterator = iter(stream)
        for item in iterator:  # the first item, if any
            heap.append((item if key is None else key(item), number, item, iterator))
            break
    heapq.heapify(heap)
    while heap:
        _, number, item, iterator = heap[0]
        yield item
        for following in iterator:  # the next item of the same stream, if any
            entry = (following if key is None else key(following), number, following, iterator)
            heapq.heapreplace(heap, entry)
            break
        else:
            heapq.heappop(heap)
