"""Multiwindow, multi-burn-rate SLO alerts from cumulative counters."""
from collections.abc import Sequence

Sample = tuple[float, float]

MINUTE = 60.0
HOUR = 60 * MINUTE
DAY = 24 * HOUR
# (severity, long window, short window, burn-rate threshold), from the Google SRE workbook.
POLICY = (
    ("page", HOUR, 5 * MINUTE, 14.4),
    ("page", 6 * HOUR, 30 * MINUTE, 6.0),
    ("ticket", 3 * DAY, 6 * HOUR, 1.0),
)


def increase(samples: Sequence[Sample], start: float, end: float) -> float:
    values = [value for time, value in samples if start <= time <= end]
    total = 0.0
    for before, after in zip(values, values[1:]):
        total += after - before if after >= before else after
    return total


def burn_rate(
    requests: Sequence[Sample], errors: Sequence[Sample], now: float, window: float, budget: float
) -> float | None:
    if not 0 < budget < 1:
        raise ValueError(f"budget must be between 0 and 1, got {budget}")
    total = increase(requests, now - window, now)
    if total == 0:
        return None
    return increase(errors, now - window, now) / (total * budget)


def alert(requests: Sequence[Sample], errors: Sequence[Sample], now: float, budget: float = 0.001) -> str | None:
    for severity, long_window, short_window, threshold in POLICY:
        rates = [burn_rate(requests, errors, now, window, budget) for window in (long_window, short_window)]
        if all(rate is not None and rate > threshold for rate in rates):
            return severity
    return None
