"""Cancellation done right: clean up in finally, re-raise, never swallow.

`task.cancel()` raises asyncio.CancelledError inside the task, at the `await`
where it is waiting. CancelledError is a BaseException (not an Exception), so
`except Exception` lets it through; code may clean up (even `await` in a
`finally:`), but must then let it go on. A task that swallows it keeps running
and its caller can no longer stop it.

1. `ticker(send, interval, sleep=asyncio.sleep)` runs forever: `await
   send("tick")`, then `await sleep(interval)`, again and again. However it
   ends (cancelled while sending or sleeping, or send raising), its LAST act is
   `await send("stopped")`, once; then the exception goes on.

2. `consume(queue, handle, errors)` runs forever: take an item with `await
   queue.get()` and `await handle(item)`. If handle raises an ordinary error
   (an Exception), append `(item, error)` to `errors` and go on with the next
   item. A cancellation is not an error: it ends consume. Every item taken is
   marked done with `queue.task_done()` exactly once, however its handling
   ended (success, error, or cancellation), so `await queue.join()` never hangs.

3. `stop(task)` cancels `task` and waits until it has really finished, cleanup
   included. It returns None when the task ended cancelled, the task's result
   if it finished normally anyway, and re-raises the task's error if it failed.
   If the task CALLING stop() is itself cancelled while it waits, that
   cancellation must propagate: `with suppress(CancelledError): await task`
   would swallow it. `await asyncio.wait({task})` waits without that trap (it
   does not raise the task's exception; ask `task.cancelled()` and
   `task.exception()` afterwards).

       worker = asyncio.create_task(ticker(send, 1.0))
       ...
       await stop(worker)        # send("stopped") has been awaited by now
"""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def ticker(
    send: Callable[[str], Awaitable[None]],
    interval: float,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> None:
    """Send "tick" every `interval` seconds; send "stopped" last, however it ends."""
    # TODO
    raise NotImplementedError


async def consume(
    queue: asyncio.Queue,
    handle: Callable[[Any], Awaitable[None]],
    errors: list[tuple[Any, Exception]],
) -> None:
    """Handle items for ever; record ordinary errors; task_done() for every item."""
    # TODO
    raise NotImplementedError


async def stop(task: asyncio.Task) -> Any:
    """Cancel task and wait for it; its error propagates, and so does our own cancellation."""
    # TODO
    raise NotImplementedError
