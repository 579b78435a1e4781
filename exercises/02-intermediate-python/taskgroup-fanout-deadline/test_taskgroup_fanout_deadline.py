import asyncio
import time

import pytest

from taskgroup_fanout_deadline import collect_quotes


def answers(price, turns=0):
    """A source that answers `price` after `turns` turns of the event loop."""

    async def source():
        for _ in range(turns):
            await asyncio.sleep(0)
        return price

    return source


def fails(error):
    async def source():
        await asyncio.sleep(0)
        raise error

    return source


class Hangs:
    """A source that never answers; it notes whether it was cancelled and cleaned up."""

    def __init__(self):
        self.started = False
        self.cancelled = False
        self.cleaned_up = False

    async def __call__(self):
        self.started = True
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        finally:
            await asyncio.sleep(0)  # cleanup that needs the loop
            self.cleaned_up = True


def test_collects_every_price_in_the_order_of_the_sources():
    sources = {"ecb": answers(1.08, turns=5), "fed": answers(1.07, turns=3), "boj": answers(161.2)}

    prices = asyncio.run(collect_quotes(sources, deadline=1))

    assert list(prices.items()) == [("ecb", 1.08), ("fed", 1.07), ("boj", 161.2)]


def test_the_sources_are_called_at_the_same_time():
    everyone_started = asyncio.Event()
    started = []

    def waits_for_the_others(name):
        async def source():
            started.append(name)
            if len(started) == 3:
                everyone_started.set()
            await everyone_started.wait()
            return len(name)

        return source

    sources = {name: waits_for_the_others(name) for name in ["a", "bb", "ccc"]}

    prices = asyncio.run(collect_quotes(sources, deadline=0.05))

    assert prices == {"a": 1, "bb": 2, "ccc": 3}, (
        "each source waited for the others to start and none answered: start them all as "
        "tasks of one TaskGroup instead of awaiting them one by one"
    )


@pytest.mark.parametrize(
    "error",
    [ConnectionError("down"), ConnectionRefusedError("refused"), ConnectionResetError("reset")],
    ids=["connection-error", "refused", "reset"],
)
def test_a_source_that_is_down_gives_none_and_the_others_carry_on(error):
    sources = {"ecb": answers(1.08, turns=3), "fed": fails(error), "boj": answers(161.2, turns=3)}

    prices = asyncio.run(collect_quotes(sources, deadline=1))

    assert prices == {"ecb": 1.08, "fed": None, "boj": 161.2}


def test_a_price_of_zero_is_a_price():
    prices = asyncio.run(collect_quotes({"free": answers(0.0)}, deadline=1))

    assert prices == {"free": 0.0}, "0.0 is a price: do not turn falsy prices into None"


@pytest.mark.parametrize(
    "bug",
    [ValueError("bad JSON"), KeyError("rate"), PermissionError("not a ConnectionError")],
    ids=["value-error", "key-error", "other-os-error"],
)
def test_a_bug_cancels_the_other_sources_and_propagates(bug):
    slow = Hangs()
    sources = {"slow": slow, "buggy": fails(bug), "fine": answers(1.0)}

    started = time.perf_counter()
    try:
        prices = asyncio.run(collect_quotes(sources, deadline=1))
    except ExceptionGroup as group:
        caught = group
    except Exception as other:
        pytest.fail(f"raised {other!r} alone instead of an ExceptionGroup: run the sources in "
                    "an asyncio.TaskGroup (asyncio.gather does not cancel the others)")
    else:
        pytest.fail(f"the bug {bug!r} was hidden, collect_quotes returned {prices!r}: catch "
                    "only ConnectionError (a source that is down), let everything else out")
    elapsed = time.perf_counter() - started

    assert caught.exceptions == (bug,), (
        "the bug must come out in TaskGroup's ExceptionGroup, unchanged; only ConnectionError "
        "means 'source down'"
    )
    assert slow.cancelled and slow.cleaned_up, "TaskGroup cancels the siblings of a failed task"
    assert elapsed < 0.5, f"took {elapsed:.2f} s: a bug must stop everything at once"


def test_the_deadline_cancels_late_sources_and_keeps_the_prices_that_arrived():
    slow = Hangs()
    sources = {"ecb": answers(1.08), "slow": slow, "fed": answers(1.07, turns=2)}

    started = time.perf_counter()
    prices = asyncio.run(collect_quotes(sources, deadline=0.03))
    elapsed = time.perf_counter() - started

    assert prices == {"ecb": 1.08, "slow": None, "fed": 1.07}, (
        "when the deadline passes, return the prices that arrived (None for the late ones) "
        "instead of raising TimeoutError"
    )
    assert slow.cancelled and slow.cleaned_up, "the late source must be cancelled, cleanup done"
    assert elapsed < 0.5, f"collect_quotes took {elapsed:.2f} s with a deadline of 0.03 s"


def test_every_source_late_gives_all_none():
    sources = {"a": Hangs(), "b": Hangs()}

    assert asyncio.run(collect_quotes(sources, deadline=0.02)) == {"a": None, "b": None}


def test_a_cancelled_caller_stays_cancelled_instead_of_getting_partial_prices():
    async def main():
        slow = Hangs()
        caller = asyncio.create_task(
            collect_quotes({"ecb": answers(1.08), "slow": slow}, deadline=10)
        )
        for _ in range(5):
            await asyncio.sleep(0)
        assert slow.started, "the sources should have started by now"
        caller.cancel()
        await asyncio.wait({caller}, timeout=1)
        if caller.cancelled():
            return "cancelled", slow
        return f"returned {caller.result()!r}", slow

    ended, slow = asyncio.run(main())

    assert ended == "cancelled", (
        f"collect_quotes {ended} after its caller was cancelled: only the deadline's "
        "TimeoutError means 'return what arrived'; never catch CancelledError here"
    )
    assert slow.cancelled


def test_no_sources_give_an_empty_dict():
    assert asyncio.run(collect_quotes({}, deadline=1)) == {}


@pytest.mark.parametrize("deadline", [0, -1.5], ids=["zero", "negative"])
def test_rejects_a_deadline_that_is_not_positive(deadline):
    with pytest.raises(ValueError, match="deadline must be positive"):
        asyncio.run(collect_quotes({"ecb": answers(1.08)}, deadline=deadline))


def test_a_tiny_positive_deadline_is_accepted():
    assert asyncio.run(collect_quotes({"slow": Hangs()}, deadline=0.001)) == {"slow": None}
