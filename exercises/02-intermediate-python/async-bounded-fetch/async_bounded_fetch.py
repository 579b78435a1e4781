"""async/await: fetch many urls at once, but politely and with a time limit.

`fetch` is any async function `async def fetch(url) -> result` (in real code an
HTTP request; in the tests a fake that only sleeps a few milliseconds).

1. `fetch_with_timeout(fetch, url, timeout)` awaits `fetch(url)` but gives it
   at most `timeout` seconds (asyncio.wait_for). If it takes longer, the fetch
   is cancelled and the result is None instead of an error.

2. `fetch_all(fetch, urls, limit, timeout)` fetches every url CONCURRENTLY
   with asyncio.gather, yet never has more than `limit` fetches running at the
   same moment (an asyncio.Semaphore: a server should not get 1000 requests at
   once). Each fetch gets `timeout` seconds counted from when it STARTS, not
   from when it was queued. Results come back in the order of `urls`, one per
   url (a url listed twice is fetched twice); an error other than a timeout
   propagates. Two fetch_all calls running at once each have their own limit.

       results = asyncio.run(fetch_all(fetch, ["/a", "/b", "/slow"], limit=2, timeout=0.5))
       # -> ["page a", "page b", None]    (/slow took more than 0.5 s)

   A limit below 1 raises ValueError("limit must be at least 1");
   `fetch_all(fetch, [], ...)` returns [].
"""

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

R = TypeVar("R")


async def fetch_with_timeout(
    fetch: Callable[[str], Awaitable[R]], url: str, timeout: float
) -> R | None:
    """Await fetch(url) for at most `timeout` seconds; None if it took longer."""
    # TODO: asyncio.wait_for, and catch the timeout.
    raise NotImplementedError


async def fetch_all(
    fetch: Callable[[str], Awaitable[R]], urls: list[str], limit: int, timeout: float
) -> list[R | None]:
    """Fetch every url concurrently, at most `limit` at a time, each within `timeout`."""
    # TODO: validate limit, create ONE asyncio.Semaphore(limit), write a small
    #       inner coroutine that fetches one url while holding the semaphore,
    #       and gather one of those per url.
    raise NotImplementedError
