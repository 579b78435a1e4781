"""Fetching every feed at once, in an asyncio.TaskGroup, under one deadline (Python 3.11)."""

import asyncio
from collections.abc import Awaitable, Callable

from .events import Snapshot
from .parse import parse_feed


async def collect(
    sources: dict[str, Callable[[], Awaitable[str]]], deadline: float
) -> Snapshot:
    """Fetch every source's feed text at the same time and parse them all.

    `sources` maps a source name to an async function returning the feed's text.
    All of them run as tasks of ONE asyncio.TaskGroup inside ONE
    `asyncio.timeout(deadline)`. Then, source by source in the order of `sources`:

    - a source that raised ConnectionError adds the problem f"{name}: down";
    - a source still running at the deadline (cancelled by it) adds f"{name}: timed out";
    - otherwise its feed is parsed with parse_feed: the events are kept, and each
      bad line adds f"{name} line {number}: {message}".

    Any other exception of a source is a bug: it propagates (TaskGroup raises it in
    an ExceptionGroup, the others cancelled). A cancellation of the caller propagates
    too. The events of all sources are returned oldest first (events at the same
    time keep the order of `sources`, then of their feed), in a Snapshot.
    """
    # TODO
    raise NotImplementedError
