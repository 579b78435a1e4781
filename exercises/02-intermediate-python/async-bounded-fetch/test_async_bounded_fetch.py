import asyncio
import time

import pytest

from async_bounded_fetch import fetch_all, fetch_with_timeout


class FakeFetch:
    """A fake async `fetch`: sleeps `delays[url]` seconds (default 5 ms) and records
    how many calls run at once, which urls started, and which were cancelled."""

    def __init__(self, delays=None, default=0.005):
        self.delays = delays or {}
        self.default = default
        self.in_flight = 0
        self.max_in_flight = 0
        self.started = []
        self.cancelled = []

    async def __call__(self, url):
        self.started.append(url)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.delays.get(url, self.default))
        except asyncio.CancelledError:
            self.cancelled.append(url)
            raise
        finally:
            self.in_flight -= 1
        return f"page {url}"


def urls(count):
    return [f"/{i}" for i in range(count)]


# ---------------------------------------------------------------- fetch_with_timeout


def test_fetch_with_timeout_returns_the_result_of_a_fast_fetch():
    fetch = FakeFetch()

    assert asyncio.run(fetch_with_timeout(fetch, "/home", timeout=1)) == "page /home"


def test_fetch_with_timeout_gives_none_and_cancels_a_slow_fetch():
    fetch = FakeFetch({"/slow": 0.5})

    started = time.perf_counter()
    result = asyncio.run(fetch_with_timeout(fetch, "/slow", timeout=0.02))
    elapsed = time.perf_counter() - started

    assert result is None, "a fetch that runs out of time gives None, not an exception"
    assert fetch.cancelled == ["/slow"], "asyncio.wait_for cancels the fetch when time is up"
    assert elapsed < 0.3, f"fetch_with_timeout waited {elapsed:.2f} s; it should give up after 0.02 s"


def test_fetch_with_timeout_lets_other_errors_through():
    async def broken(url):
        raise ConnectionError(f"cannot reach {url}")

    with pytest.raises(ConnectionError, match="cannot reach /down"):
        asyncio.run(fetch_with_timeout(broken, "/down", timeout=1))


# ---------------------------------------------------------------- fetch_all


def test_fetch_all_returns_results_in_the_order_of_the_urls():
    delays = {f"/{i}": 0.001 * (8 - i) for i in range(8)}  # the last url finishes first
    fetch = FakeFetch(delays)

    results = asyncio.run(fetch_all(fetch, urls(8), limit=8, timeout=1))

    assert results == [f"page /{i}" for i in range(8)]


@pytest.mark.parametrize("limit", [1, 2, 3, 10], ids=["one", "two", "three", "more-than-urls"])
def test_fetch_all_runs_at_most_limit_fetches_at_once(limit):
    fetch = FakeFetch()

    asyncio.run(fetch_all(fetch, urls(6), limit=limit, timeout=1))

    assert sorted(fetch.started) == sorted(urls(6)), "every url must be fetched exactly once"
    assert fetch.max_in_flight <= limit, (
        f"{fetch.max_in_flight} fetches ran at once with limit={limit}: hold an asyncio.Semaphore "
        "while fetching"
    )
    assert fetch.max_in_flight == min(limit, 6), (
        f"only {fetch.max_in_flight} fetch(es) ran at once, but limit={limit} allows more: "
        "start them all with asyncio.gather instead of awaiting one after another"
    )


def test_fetch_all_gives_none_for_the_urls_that_time_out():
    fetch = FakeFetch({"/slow": 0.5, "/slower": 0.6})

    started = time.perf_counter()
    results = asyncio.run(fetch_all(fetch, ["/a", "/slow", "/b", "/slower"], limit=4, timeout=0.03))
    elapsed = time.perf_counter() - started

    assert results == ["page /a", None, "page /b", None]
    assert sorted(fetch.cancelled) == ["/slow", "/slower"]
    assert elapsed < 0.3, f"fetch_all took {elapsed:.2f} s; the slow fetches should stop after 0.03 s"


def test_fetch_all_starts_the_clock_when_a_fetch_starts_not_when_it_is_queued():
    # Six 10 ms fetches, one at a time: the last one STARTS 50 ms after fetch_all was
    # called, but it only RUNS for 10 ms, well within the 40 ms timeout.
    fetch = FakeFetch(default=0.01)

    results = asyncio.run(fetch_all(fetch, urls(6), limit=1, timeout=0.04))

    assert results == [f"page /{i}" for i in range(6)], (
        "fetches that waited for their turn timed out: apply the timeout INSIDE the "
        "`async with semaphore:` block, around the fetch only"
    )


def test_fetch_all_fetches_a_repeated_url_each_time_it_appears():
    fetch = FakeFetch()

    results = asyncio.run(fetch_all(fetch, ["/a", "/b", "/a"], limit=2, timeout=1))

    assert results == ["page /a", "page /b", "page /a"], (
        "one result per url, in order, even when a url repeats: a dict keyed by url "
        "collapses the repeats"
    )
    assert sorted(fetch.started) == ["/a", "/a", "/b"]


def test_two_fetch_all_calls_at_once_each_get_their_own_limit():
    fetch = FakeFetch(default=0.02)

    async def both():
        return await asyncio.gather(
            fetch_all(fetch, urls(4), limit=2, timeout=1),
            fetch_all(fetch, urls(4), limit=2, timeout=1),
        )

    asyncio.run(both())

    assert fetch.max_in_flight == 4, (
        f"two fetch_all calls with limit=2 each ran only {fetch.max_in_flight} fetches at once: "
        "each call needs its own Semaphore, created inside fetch_all"
    )


def test_fetch_all_of_no_urls_is_empty():
    assert asyncio.run(fetch_all(FakeFetch(), [], limit=2, timeout=1)) == []


def test_fetch_all_lets_an_error_through():
    async def fetch(url):
        await asyncio.sleep(0)
        if url == "/3":
            raise ConnectionError("cannot reach /3")
        return url

    with pytest.raises(ConnectionError, match="cannot reach /3"):
        asyncio.run(fetch_all(fetch, urls(5), limit=2, timeout=1))


@pytest.mark.parametrize("limit", [0, -1], ids=["zero", "negative"])
def test_fetch_all_rejects_a_limit_below_one(limit):
    with pytest.raises(ValueError, match="limit must be at least 1"):
        asyncio.run(fetch_all(FakeFetch(), urls(2), limit=limit, timeout=1))
