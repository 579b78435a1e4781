import threading
import time

import pytest

from futures_batch_deadline import Outcome, run_batch

GRACE = 0.08  # how long a test gives a wrong solution to misbehave (no sleeps)


def summary(outcomes):
    """Each Outcome as a short tuple that is easy to compare."""
    result = []
    for outcome in outcomes:
        if outcome.timed_out:
            result.append((outcome.item, "timed out"))
        elif outcome.error is not None:
            result.append((outcome.item, f"{type(outcome.error).__name__}: {outcome.error}"))
        else:
            result.append((outcome.item, outcome.value))
    return result


def test_returns_one_outcome_per_item_in_the_order_of_the_items():
    outcomes = run_batch(lambda n: n * n, range(20), workers=4, timeout=1)

    assert all(isinstance(outcome, Outcome) for outcome in outcomes)
    assert summary(outcomes) == [(n, n * n) for n in range(20)]


def test_keeps_input_order_when_a_later_item_finishes_first():
    second_done = threading.Event()

    def job(item):
        if item == "first":
            second_done.wait(1)
        else:
            second_done.set()
        return item.upper()

    assert summary(run_batch(job, ["first", "second"], workers=2, timeout=1)) == [
        ("first", "FIRST"), ("second", "SECOND"),
    ], "outcomes follow the order of the items, not the order in which the calls finished"


def test_a_failing_item_becomes_an_error_outcome_and_the_others_still_run():
    outcomes = run_batch(int, ["1", "x", "3", "", "5"], workers=2, timeout=1)

    assert summary(outcomes) == [
        ("1", 1),
        ("x", "ValueError: invalid literal for int() with base 10: 'x'"),
        ("3", 3),
        ("", "ValueError: invalid literal for int() with base 10: ''"),
        ("5", 5),
    ], "one failing item must not stop the batch nor lose the other results (executor.map does)"


def test_a_value_of_none_or_zero_is_a_value():
    outcomes = run_batch(lambda item: item, [0, None, ""], workers=2, timeout=1)

    assert [(o.value, o.error, o.timed_out) for o in outcomes] == [
        (0, None, False), (None, None, False), ("", None, False),
    ]


def test_uses_workers_threads_at_once():
    barrier = threading.Barrier(4, timeout=1)

    def job(item):
        barrier.wait()
        return item

    outcomes = run_batch(job, range(8), workers=4, timeout=2)

    assert summary(outcomes) == [(n, n) for n in range(8)], (
        "fewer than 4 calls ran at once: ThreadPoolExecutor(max_workers=workers)"
    )


def test_returns_at_the_deadline_without_waiting_for_a_slow_call():
    release = threading.Event()

    def job(item):
        if item == "slow":
            release.wait(1)
        return item

    started = time.perf_counter()
    try:
        outcomes = run_batch(job, ["a", "slow", "b"], workers=3, timeout=0.05)
        elapsed = time.perf_counter() - started
    finally:
        release.set()

    assert elapsed < 0.5, (
        f"run_batch took {elapsed:.2f} s with a 0.05 s deadline: it waited for the slow call. "
        "Leaving `with ThreadPoolExecutor()` waits for every call; shut the pool down with "
        "shutdown(wait=False, cancel_futures=True)"
    )
    assert summary(outcomes) == [("a", "a"), ("slow", "timed out"), ("b", "b")]


def test_calls_not_started_at_the_deadline_never_run():
    release = threading.Event()
    slow_done = threading.Event()
    started = []
    other_started = threading.Event()

    def job(item):
        started.append(item)
        if item == "slow":
            release.wait(1)
            slow_done.set()
        else:
            other_started.set()
        return item

    try:
        outcomes = run_batch(job, ["slow", "a", "b"], workers=1, timeout=0.05)
    finally:
        release.set()
    assert slow_done.wait(1)
    ran_later = other_started.wait(GRACE)

    assert summary(outcomes) == [("slow", "timed out"), ("a", "timed out"), ("b", "timed out")]
    assert not ran_later, (
        f"{started[1:]} still ran after the deadline: cancel the calls that have not started "
        "(shutdown(cancel_futures=True), or future.cancel() on each)"
    )


def test_the_deadline_is_for_the_whole_batch_not_for_each_call():
    def job(item):
        threading.Event().wait(0.02)
        return item

    started = time.perf_counter()
    outcomes = run_batch(job, range(10), workers=1, timeout=0.05)
    elapsed = time.perf_counter() - started

    assert elapsed < 0.5
    assert sum(o.timed_out for o in outcomes) >= 5, (
        "ten 20 ms calls one after another cannot all finish within 50 ms: the timeout counts "
        "from the start of run_batch, not from the start of each call"
    )


def test_no_items_give_no_outcomes():
    assert run_batch(str, [], workers=2, timeout=1) == []


@pytest.mark.parametrize("workers", [0, -3], ids=["zero", "negative"])
def test_rejects_fewer_than_one_worker(workers):
    with pytest.raises(ValueError, match="workers must be at least 1"):
        run_batch(str, [1], workers=workers, timeout=1)
