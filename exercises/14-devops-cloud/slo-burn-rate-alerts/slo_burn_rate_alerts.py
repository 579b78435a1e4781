"""Alert on an SLO's error budget burn rate, the way the Google SRE workbook does.

An SLO of 99.9% leaves an error budget of 0.001: one request in a thousand
may fail. The burn rate is how fast errors eat that budget: 1 uses it up
exactly over the SLO period, 14.4 uses 2% of a 30-day budget in one hour.

Prometheus counters are CUMULATIVE: a sample (time, value) says how many
requests the process has counted since it started, and when the process
restarts the counter starts again from 0.

1. increase(samples, start, end) -> float: how much the counter grew over
   [start, end], from the samples whose time t has start <= t <= end (the
   samples come sorted by time). Add up the growth between consecutive
   samples; when a value is LOWER than the one before, the counter was reset
   and the growth of that step is the new value itself (never a negative
   number). Fewer than two samples in the window: 0.0.
       increase([(0, 10), (60, 25), (120, 5), (180, 9)], 0, 180) == 15 + 5 + 4 == 24
2. burn_rate(requests, errors, now, window, budget) -> float | None over
   [now - window, now]:  errors_increase / (requests_increase * budget),
   computed exactly in that form (it keeps the tests' boundaries exact).
   No requests in the window: None (no traffic is not "no errors").
   budget must be strictly between 0 and 1, else
   ValueError("budget must be between 0 and 1 ...").
3. alert(requests, errors, now, budget=0.001) -> "page", "ticket" or None:
   the first rule of POLICY whose burn rate is ABOVE its threshold (not
   equal) over BOTH its long and its short window. The long window proves
   the problem is big enough, the short one that it is still happening (so
   an alert stops soon after the fix). A None burn rate never fires.

    >>> alert(requests, errors, now=10_000)   # 1.5% errors over the last hour and 5 minutes
    'page'
"""
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
    # TODO: sum the growth between consecutive samples in the window; handle resets.
    raise NotImplementedError


def burn_rate(
    requests: Sequence[Sample], errors: Sequence[Sample], now: float, window: float, budget: float
) -> float | None:
    # TODO: errors_increase / (requests_increase * budget) over [now - window, now].
    raise NotImplementedError


def alert(requests: Sequence[Sample], errors: Sequence[Sample], now: float, budget: float = 0.001) -> str | None:
    # TODO: the first POLICY rule above its threshold over both windows.
    raise NotImplementedError
