"""asyncio.TaskGroup and asyncio.timeout: fan out to many sources, under one deadline.

`sources` maps a name to an async function with no arguments that returns a
price, e.g. {"ecb": fetch_ecb, "fed": fetch_fed}. In real code each one is an
HTTP call; in the tests they are fakes.

`collect_quotes(sources, deadline)` calls every source AT THE SAME TIME (one
task each, in an asyncio.TaskGroup) and returns {name: price or None} with
the names in the order of `sources`:

- A source that raises ConnectionError is down, which is normal: its price is
  None, and the others carry on.
- Any other exception is a bug: TaskGroup then cancels the sources still
  running and raises an ExceptionGroup holding the bug; let it propagate
  (do not turn bugs into None).
- ONE deadline for the whole call, `deadline` seconds (asyncio.timeout around
  the TaskGroup): when it passes, the sources still running are cancelled,
  their price is None, and the prices that did arrive are returned. No
  exception for that.
- If the task calling collect_quotes is itself cancelled, that cancellation
  propagates: it is not a deadline, so do not answer with partial prices.

`deadline` not above 0 raises ValueError("deadline must be positive").
Needs Python 3.11 (TaskGroup, asyncio.timeout).

    await collect_quotes({"ecb": ecb, "fed": fed, "boj": boj}, deadline=2.0)
    # -> {"ecb": 1.08, "fed": None, "boj": None}   fed was down, boj too slow
"""

import asyncio
from collections.abc import Awaitable, Callable


async def collect_quotes(
    sources: dict[str, Callable[[], Awaitable[float]]], deadline: float
) -> dict[str, float | None]:
    """Every source at once in a TaskGroup, under one deadline; None for down or late ones."""
    # TODO: prices = dict.fromkeys(sources); an inner `async def fetch(name, source)` that
    #       stores the price and turns ConnectionError into "leave it None"; then
    #       `async with asyncio.timeout(deadline):` around `async with asyncio.TaskGroup() as tg:`.
    raise NotImplementedError
