"""Async context managers and async generators: sessions and lazy pages."""

from collections.abc import AsyncIterator, Callable
from contextlib import aclosing
from typing import Any


class Session:
    """An async context manager: connect on entry, always close on exit."""

    def __init__(self, client: Any) -> None:
        self.client = client

    async def __aenter__(self) -> Any:
        await self.client.connect()
        return self.client

    async def __aexit__(self, exc_type, exc, tb) -> None:
        await self.client.close()


async def paginate(client: Any) -> AsyncIterator[Any]:
    """Yield every item of every page, lazily; release the cursor once when done."""
    cursor = None
    try:
        while True:
            items, cursor = await client.fetch_page(cursor)
            for item in items:
                yield item
            if cursor is None:
                return
    finally:
        await client.release()


async def first_matching(client: Any, predicate: Callable[[Any], bool]) -> Any:
    """The first matching item or None; the cursor is released before returning."""
    async with aclosing(paginate(client)) as items:
        async for item in items:
            if predicate(item):
                return item
    return None
