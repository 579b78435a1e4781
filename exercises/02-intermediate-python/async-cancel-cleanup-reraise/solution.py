"""Cancellation done right: clean up in finally, re-raise, never swallow."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def ticker(
    send: Callable[[str], Awaitable[None]],
    interval: float,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> None:
    """Send "tick" every `interval` seconds; send "stopped" last, however it ends."""
    try:
        while True:
            await send("tick")
            await sleep(interval)
    finally:
        await send("stopped")


async def consume(
    queue: asyncio.Queue,
    handle: Callable[[Any], Awaitable[None]],
    errors: list[tuple[Any, Exception]],
) -> None:
    """Handle items for ever; record ordinary errors; task_done() for every item."""
    while True:
        item = await queue.get()
        try:
            await handle(item)
        except Exception as error:
            errors.append((item, error))
        finally:
            queue.task_done()


async def stop(task: asyncio.Task) -> Any:
    """Cancel task and wait for it; its error propagates, and so does our own cancellation."""
    task.cancel()
    await asyncio.wait({task})
    if task.cancelled():
        return None
    return task.result()
