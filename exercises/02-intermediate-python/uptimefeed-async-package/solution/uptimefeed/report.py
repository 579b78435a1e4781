"""Turning events into the current state of each service (complete: nothing to do here)."""

from collections.abc import Iterable

from .events import StatusEvent


def current_status(events: Iterable[StatusEvent]) -> dict[str, StatusEvent]:
    """The latest event of each service (for events at the same time, the later one)."""
    latest: dict[str, StatusEvent] = {}
    for event in events:
        seen = latest.get(event.service)
        if seen is None or event.at >= seen.at:
            latest[event.service] = event
    return latest
