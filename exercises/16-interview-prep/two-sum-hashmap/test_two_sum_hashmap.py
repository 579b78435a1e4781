import signal
from contextlib import contextmanager

import pytest

from two_sum_hashmap import two_sum


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


@pytest.mark.parametrize(
    "nums, target, expected",
    [
        ([2, 7, 11, 15], 9, (0, 1)),
        ([3, 2, 4], 6, (1, 2)),
        ([1, 5, 9, 4], 13, (2, 3)),
        ([-3, 4, 3, 90], 0, (0, 2)),
        ([0, 4, 3, 0], 0, (0, 3)),
    ],
    ids=["classic", "pair-not-at-start", "pair-at-the-end", "negative-numbers", "zeros"],
)
def test_returns_the_indexes_of_the_two_numbers(nums, target, expected):
    assert two_sum(nums, target) == expected


def test_equal_values_at_two_positions_can_be_used():
    assert two_sum([3, 3], 6) == (0, 1)


def test_the_pair_completed_first_wins():
    # 1+4 completes at j=3, 2+3 completes at j=2: the answer is (1, 2).
    # For j=4 both index 0 and 1 would pair with it; that pair is never reached.
    assert two_sum([1, 2, 3, 4, 4], 5) == (1, 2)
    assert two_sum([5, 5, 5], 10) == (0, 1), "for the same j, the smallest i must win"


def test_a_repeated_value_keeps_its_first_index():
    assert two_sum([1, 1, 4], 5) == (0, 2), (
        "for j=2 both 1s pair with 4: the smallest i wins, so remember the FIRST index of each value "
        "(seen[value] = j overwrites it with the last one; use setdefault)"
    )
    assert two_sum([-2, 7, -2, -2, 9], 7) == (0, 4)


def test_the_input_list_is_not_changed():
    nums = [4, 1, 3, 2]
    two_sum(nums, 5)
    assert nums == [4, 1, 3, 2]


@pytest.mark.parametrize(
    "nums, target",
    [([], 1), ([5], 10), ([1, 2, 3], 100), ([3, 4], 6)],
    ids=["empty", "one-number-cannot-pair-with-itself", "no-pair", "same-position-twice"],
)
def test_raises_when_no_pair_adds_up(nums, target):
    with pytest.raises(ValueError, match=f"^no two numbers add up to {target}$"):
        two_sum(nums, target)


def test_each_number_is_used_in_about_one_operation():
    n = 3_000
    budget = 4 * n  # one pass needs about one subtraction per number
    operations = 0

    def counted(name):
        plain = getattr(int, name)

        def method(self, *args):
            nonlocal operations
            operations += 1
            if operations > budget:
                pytest.fail(
                    f"more than {budget} additions, subtractions or comparisons on {n} numbers: "
                    "comparing every pair (two loops, `in` on a list, list.index) is O(n^2); "
                    "one pass with a dict needs about one per number"
                )
            return plain(self, *args)

        return method

    class Num(int):
        """An int that counts the arithmetic and comparisons done with it."""

        __hash__ = int.__hash__

    for name in ["__add__", "__radd__", "__sub__", "__rsub__", "__eq__", "__ne__",
                 "__lt__", "__le__", "__gt__", "__ge__"]:
        setattr(Num, name, counted(name))

    nums = [Num(v) for v in range(0, 2 * n, 2)]  # even numbers only
    nums[-1] = Num(1)  # the only odd number sits at the very end
    assert two_sum(nums, 2 * (n - 2) + 1) == (n - 2, n - 1)


def test_large_input_is_solved_in_one_pass(time_limit):
    n = 100_000
    nums = list(range(0, 2 * n, 2))  # even numbers only
    nums[-1] = 1  # the only odd number sits at the very end
    target = nums[-2] + 1
    with time_limit(2):
        assert two_sum(nums, target) == (n - 2, n - 1)
        with pytest.raises(ValueError):
            two_sum(nums, 3 * 2 * n + 1)
