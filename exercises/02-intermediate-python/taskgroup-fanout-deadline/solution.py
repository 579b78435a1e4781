"""asyncio.TaskGroup and asyncio.timeout: fan out to many sources, under one deadline."""

import asyncio
from collections.abc import Awaitable, Callable


async def collect_quotes(
    sources: dict[str, Callable[[], Awaitable[float]]], deadline: float
) -> dict[str, float | None]:
    """Every source at once in a TaskGroup, under one deadline; None for down or late ones."""
    if deadline <= 0:
        raise ValueError("deadline must be positive")
    prices: dict[str, float | None] = dict.fromkeys(sources)

    async def fetch(name: str, source: Callable[[], Awaitable[float]]) -> None:
        try:
            prices[name] = await source()
        except ConnectionError:
            pass  # the source is down: its price stays None

    try:
        async with asyncio.timeout(deadline):
            async with asyncio.TaskGroup() as group:
                for name, source in sources.items():
                    group.create_task(fetch(name, source))
    except TimeoutError:
        pass  # the late sources were cancelled: their prices stay None
    return prices
