"""Closures: a rate limiter built by a factory, and checkers made in a loop."""

import time
from collections import deque
from collections.abc import Callable


def make_rate_limiter(
    limit: int, window: float, clock: Callable[[], float] = time.monotonic
) -> tuple[Callable[[], bool], Callable[[], int]]:
    """Return (allow, refused): a sliding-window rate limiter and its refusal count."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if window <= 0:
        raise ValueError("window must be positive")
    allowed_at: deque[float] = deque()
    refusals = 0

    def allow() -> bool:
        nonlocal refusals
        now = clock()
        while allowed_at and now - allowed_at[0] >= window:
            allowed_at.popleft()
        if len(allowed_at) < limit:
            allowed_at.append(now)
            return True
        refusals += 1
        return False

    def refused() -> int:
        return refusals

    return allow, refused


def make_range_checks(
    ranges: dict[str, tuple[float, float]],
) -> dict[str, Callable[[float], bool]]:
    """Return one checker per name, each testing its own (low, high) range."""

    def make_check(low: float, high: float) -> Callable[[float], bool]:
        def check(value: float) -> bool:
            return low <= value <= high

        return check

    return {name: make_check(low, high) for name, (low, high) in ranges.items()}
