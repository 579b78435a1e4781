"""Closures: a rate limiter built by a factory, and checkers made in a loop.

1. `make_rate_limiter(limit, window, clock)` returns TWO functions that share
   the same private state, kept in the factory's local variables (no class, no
   globals):

   - `allow()` reads the time once with `clock()` and answers True if fewer
     than `limit` calls were ALLOWED during the last `window` seconds, that
     is at times t with `now - t < window` (a call exactly `window` seconds
     old no longer counts). An allowed call is recorded; a refused call is
     not (it does not use up the budget).
   - `refused()` returns how many calls `allow()` has refused so far (an int
     kept with `nonlocal`).

   Every call of the factory makes a limiter of its own, with its own state.
   `limit` below 1 raises ValueError("limit must be at least 1"); `window`
   not above 0 raises ValueError("window must be positive").

       now = 0.0
       allow, refused = make_rate_limiter(2, window=10, clock=lambda: now)
       allow(), allow(), allow()   # -> (True, True, False);  refused() -> 1
       now = 10.0
       allow()                     # -> True: the first two calls are 10 s old

2. `make_range_checks(ranges)` takes {"name": (low, high)} and returns
   {"name": check} where `check(value)` is True when low <= value <= high for
   THAT name's range. Build the checkers in a loop, and beware late binding:
   a closure looks a variable up when it is CALLED, not when it is made.
   Changing `ranges` afterwards must not change the checkers.

       checks = make_range_checks({"age": (0, 130), "percent": (0, 100)})
       checks["age"](120), checks["percent"](120)   # -> (True, False)
"""

import time
from collections.abc import Callable


def make_rate_limiter(
    limit: int, window: float, clock: Callable[[], float] = time.monotonic
) -> tuple[Callable[[], bool], Callable[[], int]]:
    """Return (allow, refused): a sliding-window rate limiter and its refusal count."""
    # TODO: validate, keep the times of allowed calls (a collections.deque) and a
    #       refusal count in local variables, define allow() and refused() inside,
    #       and return them both.
    raise NotImplementedError


def make_range_checks(
    ranges: dict[str, tuple[float, float]],
) -> dict[str, Callable[[float], bool]]:
    """Return one checker per name, each testing its own (low, high) range."""
    # TODO: one closure per name, each bound to its own low and high.
    raise NotImplementedError
