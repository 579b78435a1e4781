"""The values the package passes around (complete: nothing to do here)."""

from dataclasses import dataclass, field
from datetime import datetime


class ParseError(ValueError):
    """A status line that does not follow the format."""


@dataclass(frozen=True)
class StatusEvent:
    """One line of a status feed: at `at`, `service` was `status` ("OK", "DEGRADED"
    or "DOWN"), with a measured latency in milliseconds when the line gives one."""

    at: datetime
    service: str
    status: str
    latency_ms: int | None = None


@dataclass
class Snapshot:
    """What collect() gathered: every event of every feed, oldest first, and one
    line of text per problem met on the way."""

    events: list[StatusEvent] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
