"""Async context managers and async generators: sessions and lazy pages.

`client` is an object with async methods (a fake in the tests, an HTTP or
database client at work):
    await client.connect()              -> opens the connection
    await client.close()                -> closes it
    await client.fetch_page(cursor)     -> (items, next_cursor); cursor None = first
                                           page, next_cursor None = no more pages
    await client.release()              -> frees the server-side cursor

1. `Session(client)` is an async context manager written as a class:
   `__aenter__` awaits client.connect() and returns the client; `__aexit__`
   awaits client.close() however the block ends (normally, with an error, or
   cancelled) and lets any exception through (never swallow it).

       async with Session(client) as conn:
           ...                       # client.close() has been awaited after this

2. `paginate(client)` is an async generator that yields the items of every
   page, one at a time, starting with `fetch_page(None)` and following
   `next_cursor` until it is None. It is LAZY: it fetches a page only when the
   consumer asks for an item the pages so far do not have. An empty page
   with a next_cursor is not the end. However it stops once started (all
   pages read, fetch_page raising, or the consumer stopping early so the
   generator is closed), it awaits `client.release()` exactly once.

       async for item in paginate(client):    # pages ([1, 2], "p2"), ([3], None)
           print(item)                         # 1 2 3, then release() is awaited

3. `first_matching(client, predicate)` returns the first item for which
   predicate(item) is true (None if there is none), reading no page beyond
   the one it is found on, and release() must have been awaited BEFORE it returns:
   breaking out of `async for` does not close an async generator at once (it
   is closed later, whenever the event loop gets round to it). Close it
   yourself: `async with contextlib.aclosing(paginate(client)) as items:`.
"""

from collections.abc import AsyncIterator, Callable
from typing import Any


class Session:
    """An async context manager: connect on entry, always close on exit."""

    def __init__(self, client: Any) -> None:
        self.client = client

    async def __aenter__(self) -> Any:
        # TODO: await connect, return the client.
        raise NotImplementedError

    async def __aexit__(self, exc_type, exc, tb) -> None:
        # TODO: await close; do not swallow the exception.
        raise NotImplementedError


async def paginate(client: Any) -> AsyncIterator[Any]:
    """Yield every item of every page, lazily; release the cursor once when done."""
    # TODO: a while loop with `yield` inside a try/finally.
    raise NotImplementedError
    yield  # (makes this an async generator; remove when you write the body)


async def first_matching(client: Any, predicate: Callable[[Any], bool]) -> Any:
    """The first matching item or None; the cursor is released before returning."""
    # TODO: contextlib.aclosing around paginate(client).
    raise NotImplementedError
