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
    items = list(items)
    if len(items) <= 1:
        return items
    middle = len(items) // 2
    left = merge_sort(items[:middle], key=key, reverse=reverse)
    right = merge_sort(items[middle:], key=key, reverse=reverse)
    return _merge(left, right, key or (lambda item: item), reverse)


def _merge(left: list[T], right: list[T], key: Callable[[T], Any], reverse: bool) -> list[T]:
    merged: list[T] = []
    i = j = 0
    while i < len(left) and j < len(right):
        left_key, right_key = key(left[i]), key(right[j])
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
