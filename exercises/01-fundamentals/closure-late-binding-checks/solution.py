"""Functions and scope: closures that keep their own state."""

from collections.abc import Callable


def make_accumulator(start: int = 0) -> Callable[..., int]:
    """Return add(amount=1) -> new total, with a total of its own."""
    total = start

    def add(amount: int = 1) -> int:
        nonlocal total
        total += amount
        return total

    return add


def _make_check(low: float, high: float) -> Callable[[float], bool]:
    def check(value: float) -> bool:
        return low <= value <= high

    return check


def make_range_checks(
    limits: dict[str, tuple[float, float]],
) -> dict[str, Callable[[float], bool]]:
    """Return {field: check(value) -> bool} for each field's (low, high)."""
    checks = {}
    for name, (low, high) in limits.items():
        if low > high:
            raise ValueError(f"{name}: low {low} is above high {high}")
        checks[name] = _make_check(low, high)
    return checks
