"""A stable merge sort with key and reverse (reference solution)."""

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")


def merge_sort(
    items: Iterable[T],
    *,
    key: Callable[[T], Any] | None = None,
    reverse: bool = False,
) -> list[T]:
    """Return a new, stably sorted list of items."""
    # Call key once per item, as sorted() does, and sort (key, item) pairs by the key alone.
    pairs = [(item if key is None else key(item), item) for item in items]
    return [item for _, item in _sort_pairs(pairs, reverse)]


def _sort_pairs(pairs: list[tuple[Any, T]], reverse: bool) -> list[tuple[Any, T]]:
    if len(pairs) <= 1:
        return pairs
    middle = len(pairs) // 2
    left = _sort_pairs(pairs[:middle], reverse)
    right = _sort_pairs(pairs[middle:], reverse)
    merged: list[tuple[Any, T]] = []
    i = j = 0
    while i < len(left) and j < len(right):
        left_key, right_key = left[i][0], right[j][0]
        right_first = left_key < right_key if reverse else right_key < left_key
        if right_first:  # on a tie the left item goes first: that is stability
            merged.append(right[j])
            j += 1
        else:
            merged.append(left[i])
            i += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged
