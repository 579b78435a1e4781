"""Fetching every feed at once, in an asyncio.TaskGroup, under one deadline (Python 3.11)."""

import asyncio
from collections.abc import Awaitable, Callable

from .events import Snapshot
from .parse import parse_feed


async def collect(
    sources: dict[str, Callable[[], Awaitable[str]]], deadline: float
) -> Snapshot:
    """Fetch every source's feed text at the same time and parse them all."""
    texts: dict[str, str | None] = dict.fromkeys(sources)
    down: set[str] = set()

    async def fetch(name: str, source: Callable[[], Awaitable[str]]) -> None:
        try:
            texts[name] = await source()
        except ConnectionError:
            down.add(name)

    try:
        async with asyncio.timeout(deadline):
            async with asyncio.TaskGroup() as group:
                for name, source in sources.items():
                    group.create_task(fetch(name, source))
    except TimeoutError:
        pass  # the sources still running were cancelled: their text stays None

    snapshot = Snapshot()
    for name, text in texts.items():
        if name in down:
            snapshot.problems.append(f"{name}: down")
        elif text is None:
            snapshot.problems.append(f"{name}: timed out")
        else:
            events, errors = parse_feed(text)
            snapshot.events.extend(events)
            snapshot.problems.extend(
                f"{name} line {number}: {message}" for number, message in errors
            )
    snapshot.events.sort(key=lambda event: event.at)
    return snapshot
