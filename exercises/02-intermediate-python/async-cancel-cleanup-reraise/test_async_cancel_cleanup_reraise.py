import asyncio

import pytest

from async_cancel_cleanup_reraise import consume, stop, ticker


async def forever():
    """Wait until cancelled."""
    await asyncio.Event().wait()


class Sender:
    """A fake async `send` that logs messages; it can hang on the n-th "tick" or fail on it."""

    def __init__(self, hang_on_tick=None, fail_on_tick=None):
        self.log = []
        self.hang_on_tick = hang_on_tick
        self.fail_on_tick = fail_on_tick
        self.hanging = asyncio.Event()

    async def __call__(self, message):
        self.log.append(message)
        ticks = self.log.count("tick")
        if message == "tick" and ticks == self.fail_on_tick:
            raise ConnectionError("socket closed")
        if message == "tick" and ticks == self.hang_on_tick:
            self.hanging.set()
            await forever()
        await asyncio.sleep(0)


class FakeSleep:
    """A fake `sleep` that returns at once, except the n-th call, which waits for ever."""

    def __init__(self, hang_on_call):
        self.calls = []
        self.hang_on_call = hang_on_call
        self.hanging = asyncio.Event()

    async def __call__(self, seconds):
        self.calls.append(seconds)
        if len(self.calls) == self.hang_on_call:
            self.hanging.set()
            await forever()
        await asyncio.sleep(0)


async def until(event, task):
    """Wait until `event` is set; fail at once if `task` ends before setting it."""
    waiter = asyncio.ensure_future(event.wait())
    await asyncio.wait({waiter, task}, return_when=asyncio.FIRST_COMPLETED, timeout=1)
    waiter.cancel()
    if not event.is_set():
        error = task.exception() if task.done() and not task.cancelled() else None
        pytest.fail(f"the task ended too early, with {error!r}")


async def settle(task):
    """Wait (at most 0.1 s) for a task to finish, and say how it ended: "cancelled",
    "failed", "finished", or "still running" (asyncio.run would cancel it later)."""
    await asyncio.wait({task}, timeout=0.1)
    if not task.done():
        return "still running"
    if task.cancelled():
        return "cancelled"
    return "failed" if task.exception() else "finished"


# ---------------------------------------------------------------- ticker


def test_ticker_ticks_sleeps_and_sends_stopped_when_cancelled_while_sleeping():
    async def main():
        send, sleep = Sender(), FakeSleep(hang_on_call=3)
        task = asyncio.create_task(ticker(send, 2.5, sleep=sleep))
        await until(sleep.hanging, task)
        task.cancel()
        return await settle(task), send, sleep

    ended, send, sleep = asyncio.run(main())

    assert send.log == ["tick", "tick", "tick", "stopped"], (
        "when cancelled, ticker must still await send('stopped'), in a `finally:`"
    )
    assert sleep.calls == [2.5, 2.5, 2.5]
    assert ended == "cancelled", (
        "ticker swallowed the cancellation: after the cleanup, let CancelledError go on "
        "(a `finally:` does, an `except CancelledError:` without `raise` does not)"
    )


def test_ticker_sends_stopped_when_cancelled_while_sending():
    async def main():
        send = Sender(hang_on_tick=2)
        task = asyncio.create_task(ticker(send, 1, sleep=FakeSleep(hang_on_call=99)))
        await until(send.hanging, task)
        task.cancel()
        return await settle(task), send

    ended, send = asyncio.run(main())

    assert send.log == ["tick", "tick", "stopped"]
    assert ended == "cancelled", "ticker swallowed the cancellation: let CancelledError go on"


def test_ticker_sends_stopped_when_send_fails_and_lets_the_error_through():
    async def main():
        send = Sender(fail_on_tick=2)
        task = asyncio.create_task(ticker(send, 1, sleep=FakeSleep(hang_on_call=99)))
        return await settle(task), task, send

    ended, task, send = asyncio.run(main())

    error = task.exception() if ended == "failed" else None
    assert isinstance(error, ConnectionError), (
        f"ticker {ended} (error: {error!r}): send's ConnectionError must come out of ticker"
    )
    assert send.log == ["tick", "tick", "stopped"], (
        "'stopped' must be sent however ticker ends, an error included: use `finally:`, not "
        "only `except CancelledError:`"
    )


def test_ticker_sleeps_with_asyncio_sleep_by_default():
    async def main():
        send = Sender(hang_on_tick=3)
        task = asyncio.create_task(ticker(send, 0.001))
        await until(send.hanging, task)
        task.cancel()
        return await settle(task), send

    ended, send = asyncio.run(main())

    assert send.log == ["tick", "tick", "tick", "stopped"]
    assert ended == "cancelled"


# ---------------------------------------------------------------- consume


def test_consume_handles_items_records_errors_and_goes_on():
    async def main():
        queue = asyncio.Queue()
        for item in [1, 2, 3, 4]:
            queue.put_nowait(item)
        handled, errors = [], []

        async def handle(item):
            await asyncio.sleep(0)
            if item % 2 == 0:
                raise ValueError(f"even item {item}")
            handled.append(item)

        task = asyncio.create_task(consume(queue, handle, errors))
        await asyncio.wait_for(queue.join(), 1)
        task.cancel()
        return await settle(task), handled, errors

    ended, handled, errors = asyncio.run(main())

    assert handled == [1, 3]
    assert [(item, str(error)) for item, error in errors] == [
        (2, "even item 2"),
        (4, "even item 4"),
    ], "each failed item goes into errors as (item, error), and consume goes on"
    assert ended == "cancelled"


def test_consume_ends_when_cancelled_while_handling():
    async def main():
        queue = asyncio.Queue()
        queue.put_nowait("slow")
        started = asyncio.Event()

        async def handle(item):
            started.set()
            await forever()

        errors = []
        task = asyncio.create_task(consume(queue, handle, errors))
        await until(started, task)
        task.cancel()
        return await settle(task), errors

    ended, errors = asyncio.run(main())

    assert ended == "cancelled", (
        "consume went on after being cancelled: CancelledError is not an error to record; catch "
        "`Exception`, never `BaseException` or a bare `except:`"
    )
    assert errors == [], "a cancellation is not an error of the item"


def test_consume_ends_when_cancelled_while_waiting_for_an_item():
    async def main():
        task = asyncio.create_task(consume(asyncio.Queue(), lambda item: asyncio.sleep(0), []))
        await asyncio.sleep(0)
        task.cancel()
        return await settle(task)

    assert asyncio.run(main()) == "cancelled"


def test_consume_marks_an_item_done_even_when_cancelled_while_handling_it():
    async def main():
        queue = asyncio.Queue()
        queue.put_nowait("slow")
        started = asyncio.Event()

        async def handle(item):
            started.set()
            await forever()

        task = asyncio.create_task(consume(queue, handle, []))
        await until(started, task)
        task.cancel()
        await settle(task)
        try:
            await asyncio.wait_for(queue.join(), 0.05)
        except asyncio.TimeoutError:
            return False
        return True

    assert asyncio.run(main()), (
        "queue.join() hangs: the item being handled when consume was cancelled was never marked "
        "done; call queue.task_done() in a `finally:`"
    )


def test_consume_marks_each_item_done_exactly_once():
    async def main():
        queue = asyncio.Queue()
        for item in ["ok", "bad", "ok"]:
            queue.put_nowait(item)

        async def handle(item):
            if item == "bad":
                raise RuntimeError("bad item")

        task = asyncio.create_task(consume(queue, handle, []))
        await asyncio.wait_for(queue.join(), 1)
        for _ in range(3):
            await asyncio.sleep(0)
        still_running = not task.done()
        task.cancel()
        await settle(task)
        return still_running, task

    still_running, task = asyncio.run(main())

    assert still_running, (
        f"consume stopped by itself ({task.exception()!r}): calling task_done() twice for one "
        "item raises ValueError('task_done() called too many times'); call it once, in `finally:`"
    )


# ---------------------------------------------------------------- stop


def test_stop_cancels_a_task_and_waits_for_its_cleanup():
    async def main():
        log = []

        async def worker():
            try:
                await forever()
            finally:
                for _ in range(3):  # a cleanup that takes a few turns of the loop
                    await asyncio.sleep(0)
                log.append("cleaned up")

        task = asyncio.create_task(worker())
        await asyncio.sleep(0)
        result = await stop(task)
        return result, list(log), task

    result, log_at_return, task = asyncio.run(main())

    assert log_at_return == ["cleaned up"], (
        "stop() returned before the task had finished its cleanup: after task.cancel(), wait "
        "for the task to be done"
    )
    assert result is None
    assert task.cancelled()


def test_stop_stops_a_ticker_after_it_has_said_stopped():
    async def main():
        send = Sender()
        task = asyncio.create_task(ticker(send, 1, sleep=FakeSleep(hang_on_call=2)))
        for _ in range(5):
            await asyncio.sleep(0)
        await stop(task)
        return send.log

    assert asyncio.run(main())[-1] == "stopped"


def test_stop_re_raises_the_error_of_a_task_that_failed():
    async def main():
        async def broken():
            raise KeyError("no such job")

        task = asyncio.create_task(broken())
        await asyncio.sleep(0)
        await stop(task)

    with pytest.raises(KeyError, match="no such job"):
        asyncio.run(main())


def test_stop_returns_the_result_of_a_task_that_had_already_finished():
    async def main():
        async def quick():
            return 42

        task = asyncio.create_task(quick())
        await asyncio.sleep(0)
        return await stop(task)

    assert asyncio.run(main()) == 42


def test_stop_passes_on_a_cancellation_of_its_own_caller():
    async def main():
        cleanup_started = asyncio.Event()
        release = asyncio.Event()

        async def slow_to_stop():
            try:
                await forever()
            finally:
                cleanup_started.set()
                await release.wait()

        child = asyncio.create_task(slow_to_stop())
        await asyncio.sleep(0)
        caller = asyncio.create_task(stop(child))
        try:
            await until(cleanup_started, caller)  # the caller is now waiting inside stop()
            caller.cancel()
            return await settle(caller)
        finally:
            release.set()
            await settle(child)

    ended = asyncio.run(main())

    assert ended == "cancelled", (
        "stop() swallowed a cancellation meant for its CALLER: `with suppress(CancelledError): "
        "await task` cannot tell the two apart; wait with `await asyncio.wait({task})` and look "
        "at the task afterwards"
    )
