"""Binary search: lower and upper bounds (reference solution)."""

from collections.abc import Sequence
from typing import Any


def lower_bound(items: Sequence[Any], target: Any) -> int:
    """Return the first index i with items[i] >= target, or len(items)."""
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def upper_bound(items: Sequence[Any], target: Any) -> int:
    """Return the first index i with items[i] > target, or len(items)."""
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] <= target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def find_first(items: Sequence[Any], target: Any) -> int:
    """Return the index of the first item equal to target."""
    index = lower_bound(items, target)
    if index < len(items) and items[index] == target:
        return index
    raise ValueError(f"{target!r} is not in items")
