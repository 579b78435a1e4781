import dis
import os
import threading
import time

import pytest

import lock_counter_thread_pool
from lock_counter_thread_pool import SafeCounter, fetch_all

THREADS = 4
PER_THREAD = 50

# ---------------------------------------------------------------- making races visible
# Since Python 3.10 the interpreter switches threads only at a few points, so an unlocked
# `self.value += 1` almost never loses an update on a laptop, yet it does in production. To make
# races show up every time, the threads started by `run_in_racing_threads` are traced: just
# before each attribute read and each store in code from YOUR module, a thread pauses. One
# thread pauses a little longer than the others, so the others overtake it at exactly the
# moment a missing lock hurts. With a correct lock, the pauses only make the test slower.

_LEARNER_FILE = os.path.abspath(lock_counter_thread_pool.__file__)
_RISKY = {"LOAD_ATTR", "STORE_ATTR", "STORE_SUBSCR", "STORE_GLOBAL", "STORE_DEREF", "STORE_NAME"}
_risky_offsets: dict = {}
_pace = threading.local()  # _pace.pause: seconds this thread waits at each risky moment


def _offsets(code) -> frozenset:
    if code not in _risky_offsets:
        _risky_offsets[code] = frozenset(
            ins.offset for ins in dis.get_instructions(code) if ins.opname in _RISKY
        )
    return _risky_offsets[code]


def _pause_at_risky_moments(frame, event, arg):
    if os.path.abspath(frame.f_code.co_filename) != _LEARNER_FILE:
        return None
    frame.f_trace_opcodes = True
    offsets = _offsets(frame.f_code)
    pause = getattr(_pace, "pause", 0)

    def local(frame, event, arg):
        if event == "opcode" and frame.f_lasti in offsets:
            time.sleep(pause)  # even sleep(0) lets another thread run
        return local

    return local


def run_in_racing_threads(work, threads=THREADS):
    """Run work() in `threads` threads that start together; return their results."""
    results = [None] * threads
    start = threading.Barrier(threads)

    def runner(index):
        _pace.pause = 0.0002 if index == 0 else 0
        start.wait()
        results[index] = work()

    threading.settrace(_pause_at_risky_moments)
    try:
        workers = [threading.Thread(target=runner, args=(i,)) for i in range(threads)]
        for worker in workers:
            worker.start()
    finally:
        threading.settrace(None)
    for worker in workers:
        worker.join(timeout=5)
    return results


# ---------------------------------------------------------------- SafeCounter


def test_increment_returns_the_new_value():
    counter = SafeCounter()

    assert counter.increment() == 1
    assert counter.increment(5) == 6
    assert counter.value == 6


def test_counter_can_start_from_any_number():
    counter = SafeCounter(start=-10)

    assert counter.value == -10
    assert counter.increment(3) == -7


@pytest.mark.parametrize("amount", [0, -1], ids=["zero", "negative"])
def test_increment_rejects_amounts_below_one(amount):
    counter = SafeCounter()

    with pytest.raises(ValueError, match="amount must be at least 1"):
        counter.increment(amount)
    assert counter.value == 0


def test_no_update_is_lost_when_threads_race():
    counter = SafeCounter()

    run_in_racing_threads(lambda: [counter.increment() for _ in range(PER_THREAD)])

    expected = THREADS * PER_THREAD
    assert counter.value == expected, (
        f"{expected - counter.value} of {expected} increments were lost: two threads read the same "
        "old value and both wrote old + 1. Hold a threading.Lock around the read-add-write."
    )


def test_every_thread_gets_different_ticket_numbers():
    counter = SafeCounter()

    results = run_in_racing_threads(lambda: [counter.increment() for _ in range(PER_THREAD)])

    tickets = sorted(ticket for batch in results for ticket in batch)
    assert tickets == list(range(1, THREADS * PER_THREAD + 1)), (
        "some numbers were handed out twice (or skipped): return the new value while you still "
        "hold the lock, not after releasing it"
    )


def test_counters_do_not_share_a_lock_or_a_value():
    first, second = SafeCounter(), SafeCounter()
    first.increment(2)

    assert second.value == 0


# ---------------------------------------------------------------- fetch_all


class FakeFetcher:
    """A fake `fetch`: later urls answer sooner, and it records how many calls overlap."""

    def __init__(self, count: int):
        self.count = count
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()

    def __call__(self, url: str) -> str:
        with self.lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        index = int(url.rsplit("/", 1)[1])
        time.sleep(0.001 * (self.count - index))  # the last url is the fastest
        with self.lock:
            self.in_flight -= 1
        return f"page {index}"


def urls(count):
    return [f"https://example.com/{i}" for i in range(count)]


def test_fetch_all_returns_results_in_the_order_of_the_urls():
    fetcher = FakeFetcher(8)

    assert fetch_all(fetcher, urls(8), max_workers=4) == [f"page {i}" for i in range(8)], (
        "results must follow the order of the urls, not the order they finished in"
    )


@pytest.mark.parametrize("max_workers", [1, 2, 4], ids=["one", "two", "four"])
def test_fetch_all_runs_at_most_max_workers_at_once(max_workers):
    fetcher = FakeFetcher(8)

    fetch_all(fetcher, urls(8), max_workers=max_workers)

    assert fetcher.max_in_flight <= max_workers, (
        f"{fetcher.max_in_flight} fetches ran at the same time, more than max_workers={max_workers}"
    )


def test_fetch_all_really_runs_fetches_in_parallel():
    fetcher = FakeFetcher(8)

    fetch_all(fetcher, urls(8), max_workers=4)

    assert fetcher.max_in_flight > 1, "every fetch ran alone: use a ThreadPoolExecutor"


def test_fetch_all_uses_four_threads_by_default():
    together = threading.Barrier(4, timeout=1)  # each fetch waits until 4 fetches are running
    fetcher = FakeFetcher(8)

    def fetch(url):
        with fetcher.lock:
            fetcher.in_flight += 1
            fetcher.max_in_flight = max(fetcher.max_in_flight, fetcher.in_flight)
        together.wait()
        time.sleep(0.01)  # room for a fifth fetch to start, if a fifth thread exists
        with fetcher.lock:
            fetcher.in_flight -= 1
        return url

    assert fetch_all(fetch, urls(8)) == urls(8)
    assert fetcher.max_in_flight == 4, f"{fetcher.max_in_flight} fetches ran at once; the default is max_workers=4"


def test_fetch_all_leaves_no_thread_running_when_it_returns():
    before = set(threading.enumerate())

    fetch_all(FakeFetcher(4), urls(4), max_workers=2)

    leftover = [thread.name for thread in threading.enumerate() if thread not in before]
    assert leftover == [], (
        f"threads {leftover} are still alive after fetch_all returned: use the ThreadPoolExecutor "
        "in a `with` block, which shuts the pool down and waits for its threads"
    )


def test_fetch_all_of_no_urls_is_empty():
    assert fetch_all(FakeFetcher(0), []) == []


def test_fetch_all_works_with_any_iterable_and_function():
    assert fetch_all(len, (word for word in ["a", "bbb", "cc"]), max_workers=2) == [1, 3, 2]


def test_fetch_all_passes_on_an_error_from_fetch():
    def fetch(url):
        if url.endswith("/3"):
            raise ConnectionError(f"cannot reach {url}")
        return "ok"

    with pytest.raises(ConnectionError, match="cannot reach https://example.com/3"):
        fetch_all(fetch, urls(6))
