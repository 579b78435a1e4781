"""Closures: counters that remember, and the late-binding loop trap."""

from collections.abc import Callable


def make_counter(start: int = 0, step: int = 1) -> Callable[[], int]:
    """Return a function that counts up from `start` by `step` on every call."""
    if step == 0:
        raise ValueError("step must not be zero")
    count = start

    def counter() -> int:
        nonlocal count
        count += step
        return count

    return counter


def make_multipliers(n: int) -> list[Callable[[int], int]]:
    """Return [times_0, times_1, ..., times_(n-1)] where times_i(x) == i * x."""
    if n < 0:
        raise ValueError("n must not be negative")
    # `i=i` binds the CURRENT i as a default argument when each lambda is made;
    # a bare `i` would be looked up when the lambda is called, after the loop ended.
    return [lambda x, i=i: i * x for i in range(n)]
