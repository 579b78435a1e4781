"""A stable merge sort with key and reverse.

Write merge_sort(items, *, key=None, reverse=False) without sorted() or
list.sort(). It behaves like sorted():
- returns a NEW list and accepts any iterable (a list, a tuple, a generator);
- `key` is a function applied to each item to get what is compared; like
  sorted(), call it exactly ONCE per item (a key may be slow) and compare the
  stored keys;
- reverse=True sorts from largest to smallest;
- it is STABLE: items with equal keys keep their original order, also with
  reverse=True (exactly what sorted(..., reverse=True) does);
- it compares keys with `<` only, so objects that define just __lt__ work, and
  keys that cannot be compared raise TypeError ("'<' not supported ...").

Example:
    >>> people = [("ana", 31), ("bo", 25), ("cy", 31), ("di", 25)]
    >>> merge_sort(people, key=lambda p: p[1])
    [('bo', 25), ('di', 25), ('ana', 31), ('cy', 31)]
    >>> merge_sort(people, key=lambda p: p[1], reverse=True)
    [('ana', 31), ('cy', 31), ('bo', 25), ('di', 25)]

The tests count the comparisons: an O(n^2) sort (insertion, bubble) needs
about a million for 2 000 items, merge sort about 22 000.
"""

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
    # TODO: split in halves, sort each half, merge them
    raise NotImplementedError
