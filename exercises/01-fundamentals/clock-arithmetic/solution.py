"""Clock arithmetic with //, % and divmod (reference solution)."""

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def format_duration(seconds: int) -> str:
    """Return `seconds` as "H:MM:SS"."""
    if seconds < 0:
        raise ValueError("seconds must not be negative")
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}"


def weekday_after(day: str, days: int) -> str:
    """Return the weekday `days` days after `day` (before it if `days` < 0)."""
    if day not in WEEKDAYS:
        raise ValueError(f"unknown weekday: {day!r}")
    return WEEKDAYS[(WEEKDAYS.index(day) + days) % len(WEEKDAYS)]


def pages_needed(items: int, per_page: int) -> int:
    """Return how many pages of `per_page` items are needed for `items` items."""
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    full_pages, leftover = divmod(items, per_page)
    return full_pages + 1 if leftover else full_pages
