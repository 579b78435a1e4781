"""Binary search: lower and upper bounds.

Write binary search yourself (no `bisect`, no `list.index`, no `in`, no loops
over every item). `items` is any sorted sequence with len() and indexing: a
list, a tuple, even a `range` with a billion numbers, so do not copy it. The
tests count the items you read: every search must read O(log n) of them, also
in a long run of equal items (finding one 7 and then walking left to the first
7 is O(n)).

- lower_bound(items, target): the first index whose item is >= target
  (len(items) if there is none). Inserting target there keeps items sorted.
- upper_bound(items, target): the first index whose item is > target.
- find_first(items, target): the index of the first item equal to target,
  or ValueError("7 is not in items") when it is absent.

Example, with items = [1, 3, 3, 3, 8]:
    lower_bound(items, 3) == 1      upper_bound(items, 3) == 4
    lower_bound(items, 5) == 4      upper_bound(items, 9) == 5
    find_first(items, 3) == 1       find_first(items, 4) -> ValueError
"""

from collections.abc import Sequence
from typing import Any


def lower_bound(items: Sequence[Any], target: Any) -> int:
    """Return the first index i with items[i] >= target, or len(items)."""
    # TODO: halve a window lo..hi until it is empty
    raise NotImplementedError


def upper_bound(items: Sequence[Any], target: Any) -> int:
    """Return the first index i with items[i] > target, or len(items)."""
    # TODO
    raise NotImplementedError


def find_first(items: Sequence[Any], target: Any) -> int:
    """Return the index of the first item equal to target."""
    # TODO: use lower_bound
    raise NotImplementedError
