"""Parse, format and find free time slots in a working day (times are "HH:MM" strings)."""

MINUTES_PER_DAY = 24 * 60


def parse_hhmm(text: str) -> int:
    """Turn a 24-hour "HH:MM" time into minutes since midnight.

    Args:
        text: A time such as "09:30"; spaces around it are ignored.

    Returns:
        The number of minutes since midnight, from 0 to 1439.

    Raises:
        ValueError: If text is not HH:MM, or the hour or minute is out of range.

    Examples:
        >>> parse_hhmm("09:30")
        570
        >>> parse_hhmm("25:00")
        Traceback (most recent call last):
            ...
        ValueError: time out of range: '25:00'
    """
    hours, sep, minutes = text.strip().partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2:
        raise ValueError(f"expected HH:MM, got {text!r}")
    if int(hours) > 23 or int(minutes) > 59:
        raise ValueError(f"time out of range: {text!r}")
    return int(hours) * 60 + int(minutes)


def format_hhmm(minutes: int) -> str:
    """Turn minutes since midnight into a zero-padded "HH:MM" string.

    Args:
        minutes: Minutes since midnight, from 0 to 1439.

    Returns:
        The time as "HH:MM", e.g. "07:05".

    Raises:
        TypeError: If minutes is not an int.
        ValueError: If minutes is outside 0..1439.

    Examples:
        >>> format_hhmm(425)
        '07:05'
    """
    if not isinstance(minutes, int):
        raise TypeError(f"minutes must be an int, not {type(minutes).__name__}")
    if not 0 <= minutes < MINUTES_PER_DAY:
        raise ValueError(f"minutes out of range: {minutes}")
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def free_slots(
    busy: list[tuple[str, str]],
    *,
    day_start: str = "09:00",
    day_end: str = "17:00",
    min_length: int = 30,
) -> list[tuple[str, str]]:
    """List the gaps between busy periods that are long enough for a meeting.

    Args:
        busy: (start, end) pairs of "HH:MM" times, in any order; they may overlap.
        day_start: When the working day begins.
        day_end: When the working day ends.
        min_length: The shortest gap worth returning, in minutes.

    Returns:
        The free (start, end) pairs inside the working day, earliest first.

    Raises:
        ValueError: If day_start is not before day_end, or a time is not valid HH:MM.

    Examples:
        >>> free_slots([("10:00", "11:00"), ("16:45", "18:00")])
        [('09:00', '10:00'), ('11:00', '16:45')]
    """
    start, end = parse_hhmm(day_start), parse_hhmm(day_end)
    if start >= end:
        raise ValueError(f"day_start {day_start} is not before day_end {day_end}")
    free = []
    cursor = start
    for busy_start, busy_end in sorted((parse_hhmm(a), parse_hhmm(b)) for a, b in busy):
        # Meetings may start before the day or run past its end: clamp the gap to the day.
        gap_end = min(busy_start, end)
        if gap_end - cursor >= min_length:
            free.append((format_hhmm(cursor), format_hhmm(gap_end)))
        cursor = max(cursor, busy_end)
    if end - cursor >= min_length:
        free.append((format_hhmm(cursor), format_hhmm(end)))
    return free
