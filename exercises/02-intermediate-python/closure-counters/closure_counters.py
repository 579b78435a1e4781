"""Closures: counters that remember, and the late-binding loop trap.

A closure is an inner function that keeps using the variables of the function
that created it, even after that function has returned.

1. `make_counter(start=0, step=1)` returns a function. Each call adds `step`
   to the count and returns the new count. Every counter keeps its OWN count
   in the enclosing scope (no globals, no classes):

       tick = make_counter(start=10, step=5)
       tick()  # -> 15
       tick()  # -> 20
       make_counter()()  # -> 1   (a new counter starts from its own start)

   `make_counter(step=0)` raises ValueError("step must not be zero").

2. `make_multipliers(n)` returns n functions; the i-th one multiplies its
   argument by i:

       double = make_multipliers(3)[2]
       double(21)  # -> 42

   The version below is the classic bug: EVERY function it returns multiplies
   by n - 1. Find out why and fix it. `make_multipliers(-1)` raises
   ValueError("n must not be negative"); `make_multipliers(0)` returns [].
"""

from collections.abc import Callable


def make_counter(start: int = 0, step: int = 1) -> Callable[[], int]:
    """Return a function that counts up from `start` by `step` on every call."""
    # TODO: reject step == 0, then define an inner function that updates the
    #       count kept in make_counter's scope, and return that inner function.
    raise NotImplementedError


def make_multipliers(n: int) -> list[Callable[[int], int]]:
    """Return [times_0, times_1, ..., times_(n-1)] where times_i(x) == i * x."""
    # TODO: validate n, then fix the late-binding bug on the next line.
    return [lambda x: i * x for i in range(n)]
