"""Heaps: top-k of a stream and a lazy k-way merge.

Two everyday jobs for a binary heap (module `heapq`), written with
heappush / heappop / heapreplace / heapify yourself: heapq.nlargest,
heapq.nsmallest and heapq.merge are not allowed here (the tests check).

top_k(items, k, *, key=None) -> list
    The k largest items of any iterable (a list, a generator of a million
    log records...), largest first. `key` maps an item to what is compared
    (None: the item itself). Items with equal keys keep their input order
    (the earlier one ranks higher, and wins the last place). Fewer than k
    items: all of them. k == 0: []. k < 0: ValueError("k must be >= 0, got -1").
    It keeps at most k items at a time in a heap: O(n log k) comparisons, not
    the O(n log n) of sorting everything (the tests count comparisons).
    Never modify the caller's list, and never compare two items themselves:
    only keys (items may be dicts, which `<` cannot compare).

merge_sorted(*streams, key=None) -> iterator
    Merge iterables that are each already sorted by key into one sorted
    stream, LAZILY: it is a generator that holds one item per stream and
    pulls the next item of a stream only after yielding that stream's
    previous one (streams may be endless, or huge files). Equal keys: the
    item of the earlier stream comes first; within a stream, input order.

Example:
    >>> top_k([5, 1, 9, 3, 7], 3)
    [9, 7, 5]
    >>> scores = [{"who": "ana", "pts": 7}, {"who": "bo", "pts": 9}, {"who": "cy", "pts": 7}]
    >>> [s["who"] for s in top_k(scores, 2, key=lambda s: s["pts"])]
    ['bo', 'ana']
    >>> list(merge_sorted([1, 4, 9], [2, 3], [], [5]))
    [1, 2, 3, 4, 5, 9]
"""

import heapq
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


def top_k(items: Iterable[T], k: int, *, key: Callable[[T], Any] | None = None) -> list[T]:
    """Return the k largest items, largest first; ties keep input order."""
    # TODO: a min-heap of at most k (key, -index, item) entries
    raise NotImplementedError


def merge_sorted(*streams: Iterable[T], key: Callable[[T], Any] | None = None) -> Iterator[T]:
    """Lazily merge sorted iterables into one sorted iterator."""
    # TODO: a heap holding one (key, stream number, item, iterator) entry per stream
    raise NotImplementedError
