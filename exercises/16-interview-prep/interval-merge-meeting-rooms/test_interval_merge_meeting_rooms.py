import copy
import random

import pytest

from interval_merge_meeting_rooms import insert_interval, merge_intervals, min_meeting_rooms


# ---------------------------------------------------------------- merge_intervals


@pytest.mark.parametrize(
    "intervals, expected",
    [
        ([(13, 15), (9, 10), (10, 11), (9.5, 9.75), (14, 16)], [(9, 11), (13, 16)]),
        ([], []),
        ([(1, 2)], [(1, 2)]),
        ([(1, 2), (3, 4)], [(1, 2), (3, 4)]),
        ([(1, 2), (2, 3)], [(1, 3)]),
        ([(1, 10), (2, 3), (4, 5)], [(1, 10)]),
        ([(5, 6), (1, 3), (2, 4)], [(1, 4), (5, 6)]),
        ([(-3, -1), (-2, 0)], [(-3, 0)]),
        ([[1, 4], [4, 5]], [(1, 5)]),
        ([(1, 5), (1, 3)], [(1, 5)]),
    ],
    ids=["docstring", "empty", "one", "apart", "touching-merge", "contained", "unsorted", "negative", "lists-in-tuples-out", "same-start"],
)
def test_merge_intervals(intervals, expected):
    assert merge_intervals(intervals) == expected


def test_a_long_interval_keeps_its_end_when_a_short_one_follows():
    assert merge_intervals([(0, 100), (10, 20), (30, 40), (150, 160)]) == [(0, 100), (150, 160)], (
        "the merged end is max(old end, new end): a later, shorter interval must not cut it short"
    )


def test_merge_accepts_a_generator_and_does_not_sort_the_callers_list():
    meetings = [(5, 6), (1, 3), (2, 4)]
    assert merge_intervals(iter(meetings)) == [(1, 4), (5, 6)]
    merge_intervals(meetings)
    assert meetings == [(5, 6), (1, 3), (2, 4)], "sorted(...) makes a copy; list.sort() reorders the caller's list"


def test_merge_matches_a_unit_grid_on_random_input():
    rng = random.Random(16)
    for _ in range(300):
        intervals = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, 30)
            intervals.append((start, start + rng.randint(1, 6)))
        busy = {t for start, end in intervals for t in range(start, end)}
        merged = merge_intervals(intervals)
        assert {t for start, end in merged for t in range(start, end)} == busy, f"intervals={intervals}"
        for (_, end), (start, _) in zip(merged, merged[1:]):
            assert end < start, f"blocks {merged} overlap or touch: they should have been merged ({intervals})"


# ---------------------------------------------------------------- insert_interval


@pytest.mark.parametrize(
    "blocks, new, expected",
    [
        ([(1, 3), (6, 9)], (2, 6), [(1, 9)]),
        ([(1, 3), (6, 9)], (4, 5), [(1, 3), (4, 5), (6, 9)]),
        ([(1, 3), (6, 9)], (3, 4), [(1, 4), (6, 9)]),
        ([(1, 3), (6, 9)], (4, 6), [(1, 3), (4, 9)]),
        ([], (4, 5), [(4, 5)]),
        ([(3, 4)], (0, 1), [(0, 1), (3, 4)]),
        ([(3, 4)], (7, 8), [(3, 4), (7, 8)]),
        ([(1, 2), (3, 5), (6, 7), (8, 10), (12, 16)], (4, 8), [(1, 2), (3, 10), (12, 16)]),
        ([(2, 3), (4, 5)], (1, 9), [(1, 9)]),
        ([(1, 5)], (2, 3), [(1, 5)]),
    ],
    ids=["bridges-two", "fits-between", "touches-left-block", "touches-right-block", "no-blocks", "before-all", "after-all", "swallows-several", "covers-all", "inside-one"],
)
def test_insert_interval(blocks, new, expected):
    assert insert_interval(blocks, new) == expected


def test_insert_does_not_modify_the_blocks():
    blocks = [(1, 3), (6, 9)]
    insert_interval(blocks, (2, 6))
    assert blocks == [(1, 3), (6, 9)]


# ---------------------------------------------------------------- min_meeting_rooms


@pytest.mark.parametrize(
    "meetings, expected",
    [
        ([(9, 10), (9.5, 11), (10, 12)], 2),
        ([], 0),
        ([(1, 2)], 1),
        ([(1, 2), (2, 3), (3, 4)], 1),
        ([(1, 5), (2, 6), (3, 7)], 3),
        ([(1, 10), (2, 3), (4, 5), (6, 7)], 2),
        ([(0, 30), (5, 10), (15, 20)], 2),
        ([(7, 10), (2, 4)], 1),
        ([(1, 3), (1, 3), (1, 3)], 3),
    ],
    ids=["docstring", "none", "one", "back-to-back-share-a-room", "all-overlap", "long-one-and-short-ones", "classic", "unsorted", "identical"],
)
def test_min_meeting_rooms(meetings, expected):
    assert min_meeting_rooms(meetings) == expected


def test_a_room_is_reused_only_when_its_meeting_has_ended():
    assert min_meeting_rooms([(1, 4), (2, 5), (4, 6), (5, 7)]) == 2, (
        "at 4 the first room is free (a meeting is over AT its end), at 5 the second one: 2 rooms"
    )
    assert min_meeting_rooms([(1, 4), (2, 5), (3.999, 6)]) == 3


def test_rooms_match_a_sweep_on_random_input():
    rng = random.Random(8)
    for _ in range(300):
        meetings = []
        for _ in range(rng.randint(0, 10)):
            start = rng.randint(0, 20)
            meetings.append((start, start + rng.randint(1, 5)))
        busiest = max((sum(s <= t < e for s, e in meetings) for t in range(30)), default=0)
        assert min_meeting_rooms(meetings) == busiest, f"meetings={meetings}"


def test_min_meeting_rooms_does_not_sort_the_callers_list():
    meetings = [(7, 10), (2, 4)]
    before = copy.deepcopy(meetings)
    min_meeting_rooms(meetings)
    assert meetings == before


# ---------------------------------------------------------------- validation and work


@pytest.mark.parametrize(
    "bad, message",
    [((5, 3), r"^bad interval \(5, 3\): start must be before end$"), ((4, 4), r"^bad interval \(4, 4\): start must be before end$")],
    ids=["reversed", "empty"],
)
def test_bad_intervals_are_rejected_everywhere(bad, message):
    with pytest.raises(ValueError, match=message):
        merge_intervals([(1, 2), bad])
    with pytest.raises(ValueError, match=message):
        min_meeting_rooms([(1, 2), bad])
    with pytest.raises(ValueError, match=message):
        insert_interval([(1, 2)], bad)
    with pytest.raises(ValueError, match=message):
        insert_interval([bad], (1, 2))


class Budget:
    def __init__(self) -> None:
        self.used = 0
        self.limit = None

    def spend(self) -> None:
        self.used += 1
        if self.limit is not None and self.used > self.limit:
            pytest.fail(
                f"expected O(n log n): at most {self.limit} comparisons of times for 3 000 intervals; observed "
                "more. Comparing every interval with every other is O(n^2): sort once, then one pass",
                pytrace=False,
            )


def counted_time(budget: Budget):
    class Time(int):
        """An int that counts its comparisons."""

        def __eq__(self, other):
            budget.spend()
            return int(self) == int(other)

        def __lt__(self, other):
            budget.spend()
            return int(self) < int(other)

        def __le__(self, other):
            budget.spend()
            return int(self) <= int(other)

        def __gt__(self, other):
            budget.spend()
            return int(self) > int(other)

        def __ge__(self, other):
            budget.spend()
            return int(self) >= int(other)

        __hash__ = int.__hash__

    return Time


def reference_merge(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def reference_rooms(meetings):
    events = sorted([(end, -1) for _, end in meetings] + [(start, 1) for start, _ in meetings])
    busiest = current = 0
    for _, change in events:  # at equal times, ends (-1) come before starts (+1)
        current += change
        busiest = max(busiest, current)
    return busiest


@pytest.mark.parametrize(
    "function, reference",
    [(merge_intervals, reference_merge), (min_meeting_rooms, reference_rooms)],
    ids=["merge_intervals", "min_meeting_rooms"],
)
def test_comparisons_grow_like_n_log_n(function, reference):
    budget = Budget()
    Time = counted_time(budget)
    rng = random.Random(5)
    n = 3_000
    plain = []
    for _ in range(n):
        start = rng.randrange(1_000_000)
        plain.append((start, start + rng.randint(1, 500)))
    timed = [(Time(s), Time(e)) for s, e in plain]
    expected = reference(plain)
    budget.used, budget.limit = 0, 4 * n * n.bit_length()
    result = function(timed)
    budget.limit = None
    assert result == expected
