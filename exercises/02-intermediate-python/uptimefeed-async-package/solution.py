"""Capstone: a small package that fetches status feeds concurrently and parses them."""

from collections.abc import Awaitable, Callable

from uptimefeed import collect, current_status


async def status_board(
    sources: dict[str, Callable[[], Awaitable[str]]], deadline: float
) -> list[str]:
    """One line per service (latest status), then one "! problem" line per problem."""
    snapshot = await collect(sources, deadline)
    lines = []
    for service, event in sorted(current_status(snapshot.events).items()):
        latency = "" if event.latency_ms is None else f" ({event.latency_ms} ms)"
        lines.append(f"{service}: {event.status}{latency}")
    lines.extend(f"! {problem}" for problem in snapshot.problems)
    return lines
