"""Parsing status lines with one regular expression.

A status line is four fields, separated by one or more spaces or tabs:

    2026-12-07T01:02:03Z  api-eu  DEGRADED  latency=850ms

- a UTC time, exactly YYYY-MM-DDTHH:MM:SSZ, and a real date and time
  (2026-02-30 is not one: datetime.strptime says so);
- a service name: a lower-case ASCII letter, then lower-case ASCII letters,
  ASCII digits or '-';
- a status: exactly OK, DEGRADED or DOWN (upper case);
- optionally, latency=<ASCII digits>ms (0 is a valid latency).

Nothing else may be on the line, except whitespace around it. Digits are
ASCII only: `\\d` also matches '٣' and other Unicode digits, so use [0-9].
"""

import re
from datetime import datetime, timezone

from .events import ParseError, StatusEvent

# TODO: compile the pattern ONCE, here, with named groups (re.VERBOSE lets you
#       lay it out over several lines with comments).


def parse_line(line: str) -> StatusEvent:
    """Parse one status line into a StatusEvent, `at` in UTC (tzinfo=timezone.utc).

    Anything that does not follow the format raises ParseError(f"cannot parse {line!r}"),
    with the line as given.

        parse_line("2026-12-07T01:02:03Z api DOWN")
        # -> StatusEvent(datetime(2026, 12, 7, 1, 2, 3, tzinfo=timezone.utc), "api", "DOWN", None)
    """
    # TODO: fullmatch the stripped line, convert the groups.
    raise NotImplementedError


def parse_feed(text: str) -> tuple[list[StatusEvent], list[tuple[int, str]]]:
    """Parse a whole feed: (events in feed order, [(line number, error message), ...]).

    Lines end with "\\n" or "\\r\\n" (str.splitlines knows both) and are numbered
    from 1. Blank lines and lines starting with '#' (after leading whitespace) are
    skipped. A bad line does not stop the rest: its number
    and str(ParseError) go into the second list.
    """
    # TODO
    raise NotImplementedError
