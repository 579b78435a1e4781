import threading
import time

import pytest

from ttl_cache_single_flight import TTLCache


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Loader:
    """Counts its calls; returns f"value-of-{key}#{call number}"."""

    def __init__(self) -> None:
        self.calls = []

    def __call__(self, key):
        self.calls.append(key)
        return f"value-of-{key}#{len(self.calls)}"


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def loader():
    return Loader()


@pytest.fixture
def cache(loader, clock):
    return TTLCache(loader, ttl=10, clock=clock)


def test_a_fresh_value_is_served_from_the_cache(cache, loader, clock):
    assert cache.get("u1") == "value-of-u1#1"
    clock.now = 9.999
    assert cache.get("u1") == "value-of-u1#1"
    assert loader.calls == ["u1"]


def test_a_value_expires_exactly_at_ttl(cache, loader, clock):
    cache.get("u1")
    clock.now = 10
    assert cache.get("u1") == "value-of-u1#2", "stored at 0 with ttl 10: at clock 10 it has expired (now < t + ttl is fresh)"
    clock.now = 19.5
    assert cache.get("u1") == "value-of-u1#2"


def test_the_ttl_counts_from_when_the_load_finished(clock):
    def slow_loader(key):
        clock.now += 5  # the query takes 5 seconds
        return key.upper()

    cache = TTLCache(slow_loader, ttl=10, clock=clock)
    assert cache.get("a") == "A"
    clock.now = 14.9
    calls_before = clock.now
    assert cache.get("a") == "A" and clock.now == calls_before, (
        "read the clock for the expiry AFTER the loader returns: stored at 5, the value is fresh until 15"
    )


def test_keys_are_cached_separately(cache, loader):
    assert [cache.get(k) for k in ("a", "b", "a", 1, (2, 3))] == [
        "value-of-a#1", "value-of-b#2", "value-of-a#1", "value-of-1#3", "value-of-(2, 3)#4",
    ]
    assert len(cache) == 4


@pytest.mark.parametrize("value", [None, 0, "", False, []], ids=["none", "zero", "empty-str", "false", "empty-list"])
def test_falsy_values_are_cached_too(clock, value):
    calls = []

    def load(key):
        calls.append(key)
        return value

    cache = TTLCache(load, ttl=5, clock=clock)
    assert cache.get("k") == value and cache.get("k") == value
    assert calls == ["k"], "a cached None/0/'' is still a hit: test for presence, not truthiness"


def test_a_failed_load_is_not_cached(cache, clock):
    attempts = []

    def flaky(key):
        attempts.append(key)
        if len(attempts) == 1:
            raise ConnectionError("db down")
        return "ok"

    cache = TTLCache(flaky, ttl=10, clock=clock)
    with pytest.raises(ConnectionError, match="db down"):
        cache.get("k")
    assert len(cache) == 0
    assert cache.get("k") == "ok" and attempts == ["k", "k"], "after a failure, the next get loads again"


def test_an_interrupted_load_caches_nothing_and_blocks_nobody(clock):
    calls = []

    def load(key):
        calls.append(key)
        if len(calls) == 1:
            raise KeyboardInterrupt
        return "fine"

    cache = TTLCache(load, ttl=10, clock=clock)
    with pytest.raises(KeyboardInterrupt):
        cache.get("k")
    assert len(cache) == 0, "a load that did not return must not store anything (not even None)"
    assert cache.get("k") == "fine", "the interrupted load must not stay 'in flight' for ever"


@pytest.mark.parametrize("ttl", [0, -1, -0.5], ids=["zero", "negative", "negative-fraction"])
def test_ttl_must_be_positive(loader, clock, ttl):
    with pytest.raises(ValueError, match=f"^ttl must be positive, got {ttl}$"):
        TTLCache(loader, ttl=ttl, clock=clock)


def test_a_tiny_ttl_is_valid(loader, clock):
    cache = TTLCache(loader, ttl=0.001, clock=clock)
    cache.get("a")
    clock.now = 0.0009
    cache.get("a")
    assert loader.calls == ["a"]


def test_invalidate_and_purge(cache, loader, clock):
    cache.get("a")
    clock.now = 4
    cache.get("b")
    assert cache.invalidate("a") is True and cache.invalidate("a") is False and cache.invalidate("zzz") is False
    cache.get("a")  # reloaded at 4
    cache.get("c")
    clock.now = 14
    assert cache.purge() == 3, "a, b and c were stored at 4: at 14 all three have expired"
    assert len(cache) == 0
    cache.get("d")
    clock.now = 23.99
    assert cache.purge() == 0 and len(cache) == 1


def test_two_caches_share_nothing(loader, clock):
    first, second = TTLCache(loader, 5, clock), TTLCache(loader, 5, clock)
    first.get("a")
    assert len(second) == 0


# ---------------------------------------------------------------- concurrency


def run_threads(count, target):
    results, errors = [None] * count, [None] * count

    def worker(i):
        try:
            results[i] = target()
        except Exception as error:  # collected for the assertions
            errors[i] = error

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    return threads, results, errors


def test_concurrent_misses_call_the_loader_once(clock):
    entered, release = threading.Event(), threading.Event()
    calls = []

    def slow_load(key):
        calls.append(key)
        entered.set()
        assert release.wait(2), "test: the load was never released"
        return f"row-{key}"

    cache = TTLCache(slow_load, ttl=60, clock=clock)
    threads, results, errors = run_threads(8, lambda: cache.get("hot"))
    assert entered.wait(2)
    time.sleep(0.05)  # let the other threads reach get() and wait for the load
    release.set()
    for thread in threads:
        thread.join(2)
    assert errors == [None] * 8
    assert results == ["row-hot"] * 8
    assert calls == ["hot"], (
        f"loader was called {len(calls)} times for one key by 8 concurrent callers: a cache stampede. "
        "Let the first caller load and make the others wait for its result"
    )


def test_waiting_callers_get_the_loaders_exception(clock):
    entered, release = threading.Event(), threading.Event()
    calls = []

    def failing_load(key):
        calls.append(key)
        entered.set()
        release.wait(2)
        raise TimeoutError("upstream timed out")

    cache = TTLCache(failing_load, ttl=60, clock=clock)
    threads, results, errors = run_threads(5, lambda: cache.get("k"))
    assert entered.wait(2)
    time.sleep(0.05)
    release.set()
    for thread in threads:
        thread.join(2)
    assert not any(thread.is_alive() for thread in threads), "callers waiting on a failed load must be woken up"
    assert calls == ["k"]
    assert all(isinstance(error, TimeoutError) for error in errors), f"every caller gets the load's exception: {errors}"
    assert len(cache) == 0


def test_a_slow_key_does_not_block_other_keys(clock):
    entered, release = threading.Event(), threading.Event()

    def load(key):
        if key == "slow":
            entered.set()
            release.wait(2)
        return key * 2

    cache = TTLCache(load, ttl=60, clock=clock)
    threads, results, errors = run_threads(1, lambda: cache.get("slow"))
    assert entered.wait(2)
    fast = []
    other = threading.Thread(target=lambda: fast.append(cache.get("fast")), daemon=True)
    other.start()
    other.join(1)
    finished_while_slow_was_loading = not other.is_alive()
    release.set()
    threads[0].join(2)
    other.join(2)
    assert finished_while_slow_was_loading, (
        "get('fast') waited for the load of 'slow': never hold the cache's lock while the loader runs"
    )
    assert fast == ["fastfast"] and results == ["slowslow"]
