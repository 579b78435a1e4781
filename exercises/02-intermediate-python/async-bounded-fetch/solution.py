"""async/await: fetch many urls at once, but politely and with a time limit."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

R = TypeVar("R")


async def fetch_with_timeout(
    fetch: Callable[[str], Awaitable[R]], url: str, timeout: float
) -> R | None:
    """Await fetch(url) for at most `timeout` seconds; None if it took longer."""
    try:
        return await asyncio.wait_for(fetch(url), timeout)
    except asyncio.TimeoutError:  # the same class as the built-in TimeoutError since 3.11
        return None


async def fetch_all(
    fetch: Callable[[str], Awaitable[R]], urls: list[str], limit: int, timeout: float
) -> list[R | None]:
    """Fetch every url concurrently, at most `limit` at a time, each within `timeout`."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    semaphore = asyncio.Semaphore(limit)

    async def fetch_one(url: str) -> R | None:
        async with semaphore:
            return await fetch_with_timeout(fetch, url, timeout)

    return await asyncio.gather(*(fetch_one(url) for url in urls))
