"""Durations: read "1h30m" as seconds and write seconds back as "1h 30m"."""

import re

__version__ = "1.4.0"


def parse_duration(text: str) -> int:
    """Return the number of seconds in a duration such as ``"1h30m"``.

    The text is made of hours, minutes and seconds, each optional but in that
    order, with no spaces inside; spaces around it are ignored.

    :param text: the duration, for example ``"2h"``, ``"45m10s"`` or ``"90s"``.
    :returns: the duration in seconds.
    :raises ValueError: if the text is empty or not a duration.

    >>> parse_duration("1h30m")
    5400
    >>> parse_duration(" 90s ")
    90
    """
    match = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", text.strip())
    if match is None or not text.strip():
        raise ValueError(f"not a duration: {text!r}")
    hours, minutes, seconds = (int(group or 0) for group in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def format_duration(seconds: int, separator: str = " ") -> str:
    """Return a number of seconds written with hours, minutes and seconds.

    Parts that are zero are left out; zero seconds is written ``"0s"``.

    :param seconds: the duration in seconds, zero or more.
    :param separator: what goes between the parts.
    :returns: the duration as text, the inverse of :func:`parse_duration`.
    :raises ValueError: if seconds is negative.

    >>> format_duration(5400)
    '1h 30m'
    >>> format_duration(3725, separator="")
    '1h2m5s'
    """
    if seconds < 0:
        raise ValueError(f"negative duration: {seconds}")
    hours, rest = divmod(seconds, 3600)
    minutes, rest = divmod(rest, 60)
    units = ((hours, "h"), (minutes, "m"), (rest, "s"))
    parts = [f"{value}{unit}" for value, unit in units if value]
    return separator.join(parts) or "0s"
