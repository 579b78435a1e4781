"""Intervals: merge busy times, insert a booking, count meeting rooms.

An interval is a pair (start, end) of numbers with start < end, meaning the
half-open span start <= t < end: a meeting (9, 10) is over when (10, 11)
begins. Every function accepts intervals as tuples or lists, returns tuples,
never modifies its arguments, and raises
    ValueError("bad interval (5, 3): start must be before end")
for any interval whose start is not smaller than its end.

merge_intervals(intervals) -> list of disjoint intervals, sorted
    The busy blocks covered by the intervals, in any input order. Overlapping
    intervals merge, and so do TOUCHING ones ((9, 10) and (10, 11) are one
    busy block (9, 11): no free time between them).
        >>> merge_intervals([(13, 15), (9, 10), (10, 11), (9.5, 9.75), (14, 16)])
        [(9, 11), (13, 16)]

insert_interval(blocks, new) -> list
    blocks is already sorted and disjoint (an output of merge_intervals);
    return the blocks with new merged in (same touching rule), in one pass:
    O(n), no sorting needed.
        >>> insert_interval([(1, 3), (6, 9)], (2, 6))
        [(1, 9)]

min_meeting_rooms(meetings) -> int
    The smallest number of rooms that can host all meetings: the largest
    number of meetings in progress at the same moment. A room is free again
    AT its meeting's end, so touching meetings share a room.
        >>> min_meeting_rooms([(9, 10), (9.5, 11), (10, 12)])
        2

merge_intervals and min_meeting_rooms must be O(n log n): sort once, then
one pass (min_meeting_rooms with a heap of end times). The tests count
comparisons: comparing every meeting with every other is O(n^2).
"""

import heapq
from collections.abc import Iterable, Sequence

Interval = tuple[float, float]


def merge_intervals(intervals: Iterable[Sequence[float]]) -> list[Interval]:
    """Merge overlapping or touching intervals into sorted disjoint blocks."""
    # TODO: validate, sort by start (a copy), extend or start a block
    raise NotImplementedError


def insert_interval(blocks: Sequence[Sequence[float]], new: Sequence[float]) -> list[Interval]:
    """Insert new into sorted disjoint blocks, merging what it overlaps or touches."""
    # TODO: before, overlapping, after
    raise NotImplementedError


def min_meeting_rooms(meetings: Iterable[Sequence[float]]) -> int:
    """Return how many rooms the meetings need."""
    # TODO: sort by start; a heap of end times of the rooms in use
    raise NotImplementedError
