import ast
import bisect
import random
import signal
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

import binary_search_bounds
from binary_search_bounds import find_first, lower_bound, upper_bound


@pytest.fixture
def time_limit():
    """Turn a too-slow solution into a readable failure instead of a hang.

    Usage: `with time_limit(2): ...`. On systems without SIGALRM (Windows)
    the block simply runs without a limit.
    """

    @contextmanager
    def limit(seconds: float):
        if not hasattr(signal, "setitimer"):
            yield
            return

        def too_slow(signum, frame):
            raise TimeoutError(
                f"still running after {seconds} s on a large input, where an efficient "
                "solution needs a fraction of a second: look for a scan of the whole "
                "data (a loop, `in` on a list, list.remove, list.index) repeated inside a loop"
            )

        previous = signal.signal(signal.SIGALRM, too_slow)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    return limit


ITEMS = [1, 3, 3, 3, 8]


@pytest.mark.parametrize(
    "target, lower, upper",
    [(0, 0, 0), (1, 0, 1), (2, 1, 1), (3, 1, 4), (5, 4, 4), (8, 4, 5), (9, 5, 5)],
    ids=["below-all", "first-item", "gap-after-first", "run-of-duplicates",
         "gap-before-last", "last-item", "above-all"],
)
def test_bounds_on_a_small_list(target, lower, upper):
    assert lower_bound(ITEMS, target) == lower, f"lower_bound({ITEMS}, {target})"
    assert upper_bound(ITEMS, target) == upper, f"upper_bound({ITEMS}, {target})"


@pytest.mark.parametrize("target", [-1, 0, 1], ids=["below", "equal", "above"])
def test_bounds_on_empty_and_single_item_lists(target):
    assert lower_bound([], target) == 0
    assert upper_bound([], target) == 0
    assert lower_bound([0], target) == bisect.bisect_left([0], target)
    assert upper_bound([0], target) == bisect.bisect_right([0], target)


def test_bounds_work_on_strings_and_tuples():
    words = ("apple", "kiwi", "kiwi", "pear", "éclair")
    assert lower_bound(words, "kiwi") == 1
    assert upper_bound(words, "kiwi") == 3
    assert lower_bound(words, "zebra") == 4, "'é' sorts after 'z' in Python"


def test_bounds_agree_with_bisect_on_random_lists():
    rng = random.Random(16)
    for _ in range(200):
        items = sorted(rng.randint(-5, 5) for _ in range(rng.randint(0, 12)))
        target = rng.randint(-7, 7)
        assert lower_bound(items, target) == bisect.bisect_left(items, target), (items, target)
        assert upper_bound(items, target) == bisect.bisect_right(items, target), (items, target)


@pytest.mark.parametrize(
    "items, target, expected",
    [(ITEMS, 3, 1), (ITEMS, 1, 0), (ITEMS, 8, 4), ([-2, -2, -2], -2, 0)],
    ids=["first-of-duplicates", "at-start", "at-end", "all-equal-negative"],
)
def test_find_first_returns_the_first_equal_item(items, target, expected):
    assert find_first(items, target) == expected


@pytest.mark.parametrize(
    "items, target",
    [([], 7), (ITEMS, 4), (ITEMS, 0), (ITEMS, 9)],
    ids=["empty", "in-a-gap", "below-all", "above-all"],
)
def test_find_first_raises_when_target_is_missing(items, target):
    with pytest.raises(ValueError, match=f"^{target} is not in items$"):
        find_first(items, target)


class CountingSequence(Sequence):
    """A read-only sorted sequence of `length` items that counts how many are looked at.

    Iterating it, `in`, .index() and list() all go through __getitem__, so they count too.
    Reading more than `budget` items stops the test at once with `why` as the reason.
    """

    def __init__(self, length, item_at, budget, why):
        self._length, self._item_at = length, item_at
        self._budget, self._why = budget, why
        self.reads = 0

    def __len__(self):
        return self._length

    def __getitem__(self, index):
        if isinstance(index, slice):
            pytest.fail("slicing copies the data: search with single indexes only")
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        self.reads += 1
        if self.reads > self._budget:
            pytest.fail(f"more than {self._budget} of {self._length:,} items read: {self._why}")
        return self._item_at(index)


def read_budget(n):
    """Generous for any binary search (a few reads per halving), tiny next to n."""
    return 4 * n.bit_length() + 4


@pytest.mark.parametrize(
    "search, target, expected",
    [(lower_bound, 7, 0), (upper_bound, 7, 1_000_000), (find_first, 7, 0)],
    ids=["lower-bound", "upper-bound", "find-first"],
)
def test_a_long_run_of_duplicates_is_still_searched_in_log_n_reads(search, target, expected):
    n = 1_000_000
    sevens = CountingSequence(
        n, lambda i: 7, read_budget(n),
        "binary search needs about 20 reads. Finding any 7 and then walking left (or right) to the "
        "end of the run is O(n) on duplicates: keep halving instead",
    )
    assert search(sevens, target) == expected


@pytest.mark.parametrize("target", [-1, 0, 12_345, 19_999_998, 19_999_999, 30_000_000],
                         ids=["below-all", "first", "middle-gap", "last", "odd-gap", "above-all"])
def test_every_search_reads_only_log_n_items(target):
    n = 10_000_000
    evens = CountingSequence(
        n, lambda i: 2 * i, 3 * read_budget(n),
        "three binary searches need about 3 x 24 reads; `in`, .index(), list() or a loop over the items read them all",
    )
    assert lower_bound(evens, target) == bisect.bisect_left(range(0, 2 * n, 2), target)
    assert upper_bound(evens, target) == bisect.bisect_right(range(0, 2 * n, 2), target)
    if target % 2 == 0 and 0 <= target < 2 * n:
        assert find_first(evens, target) == target // 2
    else:
        with pytest.raises(ValueError, match="is not in items"):
            find_first(evens, target)


def test_the_search_is_written_by_hand_without_bisect():
    tree = ast.parse(Path(binary_search_bounds.__file__).read_text(encoding="utf-8"))
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    names |= {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    names |= {node.name.rpartition(".")[2] for node in ast.walk(tree) if isinstance(node, ast.alias)}
    names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    used = sorted(names & {"bisect", "bisect_left", "bisect_right"})
    assert not used, (
        f"the module uses {used}: the bisect module is right at work, but this exercise is about "
        "writing the halving loop yourself"
    )


def test_search_on_a_billion_numbers_without_copying_them(time_limit):
    evens = range(0, 2_000_000_000, 2)  # a billion items, none stored in memory
    with time_limit(1):
        assert lower_bound(evens, 1_234_567_891) == 617_283_946
        assert upper_bound(evens, 1_234_567_890) == 617_283_946
        assert find_first(evens, 1_999_999_998) == 999_999_999
        assert lower_bound(evens, 2_000_000_000) == 1_000_000_000


def test_many_searches_in_a_large_list_are_fast(time_limit):
    rng = random.Random(3)
    items = sorted(rng.randrange(1_000_000) for _ in range(100_000))
    targets = [rng.randrange(-10, 1_000_010) for _ in range(2_000)]
    expected = [bisect.bisect_left(items, t) for t in targets]
    with time_limit(2):
        got = [lower_bound(items, t) for t in targets]
    assert got == expected
