import asyncio

import pytest

from async_paginate_aclosing import Session, first_matching, paginate


class FakeClient:
    """A fake async client. `pages` maps a cursor to (items, next_cursor); every call
    is written to `log`, and every method gives the event loop a turn, as I/O would."""

    def __init__(self, pages=None, fail_on=None):
        self.pages = pages if pages is not None else {None: ([1, 2], "p2"), "p2": ([3], None)}
        self.fail_on = fail_on
        self.log = []

    async def connect(self):
        await asyncio.sleep(0)
        self.log.append("connect")

    async def close(self):
        await asyncio.sleep(0)
        self.log.append("close")

    async def fetch_page(self, cursor):
        await asyncio.sleep(0)
        self.log.append(f"fetch {cursor}")
        if self.fail_on is not None and cursor == self.fail_on:
            raise ConnectionError(f"page {cursor} is unreachable")
        return self.pages[cursor]

    async def release(self):
        await asyncio.sleep(0)
        self.log.append("release")


@pytest.fixture
def client():
    return FakeClient()


async def take(agen, count):
    """The first `count` items of an async iterator (the iterator stays open)."""
    return [await agen.__anext__() for _ in range(count)]


# ---------------------------------------------------------------- Session


def test_session_connects_runs_the_block_then_closes(client):
    async def main():
        async with Session(client) as conn:
            assert conn is client, "`async with Session(client) as conn` must give the client"
            client.log.append("work")

    asyncio.run(main())

    assert client.log == ["connect", "work", "close"]


def test_session_closes_and_lets_the_error_through(client):
    async def main():
        async with Session(client):
            raise KeyError("missing row")

    with pytest.raises(KeyError, match="missing row"):
        asyncio.run(main())
    assert client.log == ["connect", "close"], "close() must be awaited when the block raises"


def test_session_closes_when_the_task_is_cancelled_and_stays_cancelled(client):
    async def main():
        inside = asyncio.Event()

        async def work():
            async with Session(client):
                inside.set()
                await asyncio.sleep(10)

        task = asyncio.create_task(work())
        entered = asyncio.create_task(inside.wait())
        await asyncio.wait({task, entered}, return_when=asyncio.FIRST_COMPLETED)
        entered.cancel()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        return task

    task = asyncio.run(main())

    assert client.log == ["connect", "close"], "close() must be awaited when the task is cancelled"
    assert task.cancelled(), (
        "the cancellation was swallowed: __aexit__ must return None (or False), never True"
    )


# ---------------------------------------------------------------- paginate


def test_paginate_yields_every_item_of_every_page_in_order_then_releases(client):
    async def main():
        return [item async for item in paginate(client)]

    assert asyncio.run(main()) == [1, 2, 3]
    assert client.log == ["fetch None", "fetch p2", "release"]


def test_paginate_fetches_a_page_only_when_its_items_are_needed(client):
    async def main():
        items = paginate(client)
        first_two = await take(items, 2)
        fetches_after_two = list(client.log)
        third = await take(items, 1)
        fetches_after_three = list(client.log)
        await items.aclose()
        return first_two, fetches_after_two, third, fetches_after_three

    first_two, after_two, third, after_three = asyncio.run(main())

    assert first_two == [1, 2] and third == [3]
    assert after_two == ["fetch None"], (
        "paginate read ahead: after two items of the first page it must not have fetched the "
        "second page yet (yield each item as soon as its page is in, do not collect a list first)"
    )
    assert after_three == ["fetch None", "fetch p2"]


def test_paginate_goes_on_past_an_empty_page_that_has_a_next_cursor():
    client = FakeClient({None: ([], "p2"), "p2": ([], "p3"), "p3": (["x"], None)})

    async def main():
        return [item async for item in paginate(client)]

    assert asyncio.run(main()) == ["x"], "an empty page with a next_cursor is not the last page"


def test_paginate_of_one_empty_page_yields_nothing_and_releases():
    client = FakeClient({None: ([], None)})

    async def main():
        return [item async for item in paginate(client)]

    assert asyncio.run(main()) == []
    assert client.log == ["fetch None", "release"]


def test_paginate_releases_when_a_fetch_fails_and_lets_the_error_through():
    client = FakeClient(fail_on="p2")

    async def main():
        return [item async for item in paginate(client)]

    with pytest.raises(ConnectionError, match="page p2 is unreachable"):
        asyncio.run(main())
    assert client.log == ["fetch None", "fetch p2", "release"], (
        "release() must be awaited in a `finally:` so that an error does not leak the cursor"
    )


def test_paginate_releases_when_the_consumer_closes_it_early(client):
    async def main():
        items = paginate(client)
        await take(items, 1)
        await items.aclose()

    asyncio.run(main())

    assert client.log == ["fetch None", "release"], (
        "closing the generator raises GeneratorExit at its `yield`: release() belongs in a "
        "`finally:` around the loop, not after it"
    )


# ---------------------------------------------------------------- first_matching


def test_first_matching_stops_on_the_page_where_it_finds_the_item():
    client = FakeClient({None: ([1, 2], "p2"), "p2": ([3, 4], "p3"), "p3": ([5], None)})

    async def main():
        return await first_matching(client, lambda n: n > 2)

    assert asyncio.run(main()) == 3
    assert client.log[:2] == ["fetch None", "fetch p2"]
    assert "fetch p3" not in client.log, "the item was on page p2: page p3 must not be fetched"


def test_first_matching_has_released_the_cursor_when_it_returns(client):
    async def main():
        found = await first_matching(client, lambda n: n == 1)
        return found, list(client.log)

    found, log_at_return = asyncio.run(main())

    assert found == 1
    assert log_at_return == ["fetch None", "release"], (
        "release() had not run yet when first_matching returned: leaving `async for` early "
        "does not close an async generator; use `async with contextlib.aclosing(...)`"
    )


def test_first_matching_can_find_a_falsy_item():
    client = FakeClient({None: ([3, 0, 5], None)})

    async def main():
        return await first_matching(client, lambda n: n == 0)

    assert asyncio.run(main()) == 0


def test_first_matching_gives_none_when_nothing_matches_after_reading_every_page(client):
    async def main():
        return await first_matching(client, lambda n: n > 100)

    assert asyncio.run(main()) is None
    assert client.log == ["fetch None", "fetch p2", "release"], "release() must run exactly once"
