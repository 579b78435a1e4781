"""Intervals: merge busy times, insert a booking, count meeting rooms (reference solution)."""

import heapq
from collections.abc import Iterable, Sequence

Interval = tuple[float, float]


def _checked(intervals: Iterable[Sequence[float]]) -> list[Interval]:
    result = []
    for start, end in intervals:
        if not start < end:
            raise ValueError(f"bad interval ({start}, {end}): start must be before end")
        result.append((start, end))
    return result


def merge_intervals(intervals: Iterable[Sequence[float]]) -> list[Interval]:
    """Merge overlapping or touching intervals into sorted disjoint blocks."""
    merged: list[Interval] = []
    for start, end in sorted(_checked(intervals)):
        if merged and start <= merged[-1][1]:  # overlaps or touches the last block
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def insert_interval(blocks: Sequence[Sequence[float]], new: Sequence[float]) -> list[Interval]:
    """Insert new into sorted disjoint blocks, merging what it overlaps or touches."""
    ((start, end),) = _checked([new])
    checked = _checked(blocks)
    result: list[Interval] = []
    i = 0
    while i < len(checked) and checked[i][1] < start:  # ends before new begins
        result.append(checked[i])
        i += 1
    while i < len(checked) and checked[i][0] <= end:  # overlaps or touches new
        start, end = min(start, checked[i][0]), max(end, checked[i][1])
        i += 1
    result.append((start, end))
    result.extend(checked[i:])
    return result


def min_meeting_rooms(meetings: Iterable[Sequence[float]]) -> int:
    """Return how many rooms the meetings need."""
    ends: list[float] = []  # end times of the rooms in use, earliest first
    for start, end in sorted(_checked(meetings)):
        if ends and ends[0] <= start:  # that room is free again at its end
            heapq.heapreplace(ends, end)
        else:
            heapq.heappush(ends, end)
    return len(ends)
