"""Two-sum in one pass with a dict.

Given a list of integers and a target, return the indexes (i, j), i < j,
of two different positions whose values add up to the target. The same
position may not be used twice. When several pairs work, return the one
that is complete first while reading left to right: the smallest j, and for
that j the smallest i.

Example:
    >>> two_sum([2, 7, 11, 15], 9)
    (0, 1)
    >>> two_sum([3, 3, 4], 6)
    (0, 1)

If no pair exists, raise ValueError("no two numbers add up to 9").

The tests use 100 000 numbers, so comparing every pair (O(n^2)) is too slow;
aim for one pass, O(n). They also count the additions, subtractions and
comparisons done with the numbers: one pass needs about one per number.
"""


def two_sum(nums: list[int], target: int) -> tuple[int, int]:
    """Return (i, j) with i < j and nums[i] + nums[j] == target."""
    # TODO: one pass with a dict {value: first index where it appeared}
    raise NotImplementedError
