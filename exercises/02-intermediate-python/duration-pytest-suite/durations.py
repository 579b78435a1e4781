"""parse_duration: the function your tests check. Read it, but do not edit it."""

import re

_DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")


def parse_duration(text: str) -> int:
    """Turn a duration such as "1h30m" into a number of seconds (5400).

    - The parts are a whole number followed by a unit: h (hours), m (minutes),
      s (seconds). Each unit appears at most once, in the order h, m, s; any of
      them may be left out, but at least one must be there.
    - Letters may be upper or lower case; spaces around the text are ignored.
    - Anything else raises ValueError("invalid duration: <the text, quoted>").

        parse_duration("1h30m")   -> 5400
        parse_duration(" 45S ")   -> 45
        parse_duration("30m1h")   -> ValueError: invalid duration: '30m1h'
    """
    match = _DURATION.fullmatch(text.strip().lower())
    if match is None or not any(match.groups()):
        raise ValueError(f"invalid duration: {text!r}")
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds
