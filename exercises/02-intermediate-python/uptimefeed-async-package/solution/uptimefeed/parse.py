"""Parsing status lines with one regular expression."""

import re
from datetime import datetime, timezone

from .events import ParseError, StatusEvent

_LINE = re.compile(
    r"""
    (?P<at>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z)
    [ \t]+
    (?P<service>[a-z][a-z0-9-]*)
    [ \t]+
    (?P<status>OK|DEGRADED|DOWN)
    (?:[ \t]+latency=(?P<latency>[0-9]+)ms)?
    """,
    re.VERBOSE,
)


def parse_line(line: str) -> StatusEvent:
    """Parse one status line into a StatusEvent, `at` in UTC (tzinfo=timezone.utc)."""
    match = _LINE.fullmatch(line.strip())
    if match is None:
        raise ParseError(f"cannot parse {line!r}")
    try:
        at = datetime.strptime(match["at"], "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        raise ParseError(f"cannot parse {line!r}") from None
    latency = match["latency"]
    return StatusEvent(
        at=at.replace(tzinfo=timezone.utc),
        service=match["service"],
        status=match["status"],
        latency_ms=None if latency is None else int(latency),
    )


def parse_feed(text: str) -> tuple[list[StatusEvent], list[tuple[int, str]]]:
    """Parse a whole feed: (events in feed order, [(line number, error message), ...])."""
    events: list[StatusEvent] = []
    errors: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        content = line.strip()
        if not content or content.startswith("#"):
            continue
        try:
            events.append(parse_line(line))
        except ParseError as error:
            errors.append((number, str(error)))
    return events, errors
