"""Clock arithmetic with //, % and divmod.

In Python, a // b rounds DOWN (towards minus infinity) and a % b has the sign
of b, so that (a // b) * b + a % b == a always holds:

    >>> 7 // 2, 7 % 2
    (3, 1)
    >>> -7 // 2, -7 % 2         # not -3 and -1 as in C, Java or JavaScript
    (-4, 1)
    >>> (0 - 1) % 7             # the day before day 0 (Monday) is day 6 (Sunday)
    6

That makes % perfect for anything that wraps around: clocks, weekdays, pages.

Write three functions, all in exact integer arithmetic (no floats):

- format_duration(3725) -> "1:02:05"     hours, then minutes and seconds as
                                          two digits; hours may exceed 24.
                                          Negative seconds raise ValueError.
- weekday_after("Friday", 3) -> "Monday" days may be negative or huge.
                                          An unknown name raises ValueError.
- pages_needed(21, 10) -> 3               how many pages of per_page items
                                          hold `items` items (ceiling division).
                                          per_page < 1 raises ValueError.
"""

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def format_duration(seconds: int) -> str:
    """Return `seconds` as "H:MM:SS"."""
    # TODO: reject negative input with ValueError("seconds must not be negative"),
    # split the seconds into hours, minutes and seconds, and format them
    raise NotImplementedError


def weekday_after(day: str, days: int) -> str:
    """Return the weekday `days` days after `day` (before it if `days` < 0)."""
    # TODO: unknown day -> ValueError(f"unknown weekday: {day!r}")
    raise NotImplementedError


def pages_needed(items: int, per_page: int) -> int:
    """Return how many pages of `per_page` items are needed for `items` items."""
    # TODO: per_page < 1 -> ValueError("per_page must be at least 1")
    return items // per_page  # almost: this drops the last, partly filled page
