import threading

import pytest

from queue_workers_clean_shutdown import run_pipeline

GRACE = 0.08  # how long a test gives a wrong solution to misbehave (no sleeps)


def run(*args, **kwargs):
    """Call run_pipeline in a helper thread, so that a pipeline that never shuts down
    fails this test with an explanation instead of hanging the whole run."""
    box = {}

    def target():
        try:
            box["result"] = run_pipeline(*args, **kwargs)
        except BaseException as error:  # handed to the test below
            box["error"] = error

    caller = threading.Thread(target=target, daemon=True)
    caller.start()
    caller.join(0.5)  # a correct pipeline here takes a few milliseconds
    assert not caller.is_alive(), (
        "run_pipeline never returned: a worker is still waiting for a job. After the last "
        "item (or an error), put ONE _STOP per worker, in a `finally:`, then join every thread"
    )
    if "error" in box:
        raise box["error"]
    return box["result"]


@pytest.fixture
def no_threads_left_behind():
    before = set(threading.enumerate())
    yield
    leftover = [t for t in threading.enumerate() if t not in before and t.is_alive()]
    assert not leftover, (
        f"{len(leftover)} thread(s) still running after run_pipeline returned: join every "
        "worker before returning or raising"
    )


def test_returns_the_results_in_the_order_of_the_items(no_threads_left_behind):
    assert run(range(50), lambda n: n * n, workers=4) == [n * n for n in range(50)]


def test_results_keep_input_order_when_a_later_item_finishes_first(no_threads_left_behind):
    second_done = threading.Event()

    def handle(item):
        if item == "first":
            second_done.wait(1)  # finishes only after "second"
        else:
            second_done.set()
        return item.upper()

    assert run(["first", "second"], handle, workers=2) == ["FIRST", "SECOND"], (
        "results came back in the order the threads finished: store each result under its "
        "item's index and build the list in index order"
    )


@pytest.mark.parametrize("workers", [2, 3], ids=["two-workers", "three-workers"])
def test_the_workers_handle_items_at_the_same_time(workers, no_threads_left_behind):
    barrier = threading.Barrier(workers, timeout=1)  # passes only when `workers` meet

    def handle(item):
        barrier.wait()
        return item

    try:
        results = run(range(workers * 3), handle, workers=workers)
    except threading.BrokenBarrierError:
        pytest.fail(f"fewer than {workers} handle() calls ran at once: start `workers` threads "
                    "that all take jobs from the same queue")
    assert results == list(range(workers * 3))


def test_the_producer_never_reads_far_ahead_of_the_workers(no_threads_left_behind):
    release = threading.Event()
    read_too_far = threading.Event()

    def items():
        for index in range(100):
            if index >= 5:  # 1 being handled + 2 queued + 1 waiting to be put = indexes 0..3
                read_too_far.set()
            yield index

    def handle(item):
        release.wait(2)
        return item

    box = {}
    caller = threading.Thread(
        target=lambda: box.update(result=run_pipeline(items(), handle, workers=1, maxsize=2)),
        daemon=True,
    )
    caller.start()
    try:
        ran_ahead = read_too_far.wait(GRACE)
    finally:
        release.set()
        caller.join(2)

    assert not ran_ahead, (
        "with one busy worker and maxsize=2 the producer read item 5 and beyond: use "
        "queue.Queue(maxsize) so put() blocks while the queue is full"
    )
    assert box.get("result") == list(range(100))


def test_an_error_in_handle_stops_the_pipeline_and_is_raised(no_threads_left_behind):
    pulled = []

    def items():
        for index in range(1000):
            pulled.append(index)
            yield index

    def handle(item):
        if item == 2:
            raise ValueError("bad item 2")
        return item

    with pytest.raises(ValueError, match="bad item 2"):
        run(items(), handle, workers=1, maxsize=1)
    assert len(pulled) < 10, (
        f"the producer read {len(pulled)} of 1000 items although handle failed on the third: "
        "stop pulling items once a handle has failed (a threading.Event both sides check)"
    )


def test_after_an_error_the_queued_jobs_are_skipped(no_threads_left_behind):
    handled = []

    def handle(item):
        handled.append(item)
        if item == 0:
            raise KeyError("item 0")
        return item

    with pytest.raises(KeyError, match="item 0"):
        run(range(6), handle, workers=1, maxsize=8)
    assert handled == [0], (
        f"after item 0 failed, the worker still handled {handled[1:]}: skip queued jobs once "
        "something has failed (but keep taking them, so the sentinels are reached)"
    )


def test_an_error_in_the_items_still_stops_every_worker(no_threads_left_behind):
    def items():
        yield from range(3)
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        run(items(), lambda n: n, workers=3)


@pytest.mark.parametrize("workers", [1, 4, 8], ids=["one", "four", "more-workers-than-items"])
def test_every_worker_is_stopped_and_joined(workers, no_threads_left_behind):
    assert run(["a", "bb", "ccc"], len, workers=workers, maxsize=1) == [1, 2, 3]


def test_no_items_give_an_empty_list(no_threads_left_behind):
    assert run([], len, workers=3) == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"workers": 0}, "workers must be at least 1"),
        ({"workers": -1}, "workers must be at least 1"),
        ({"maxsize": 0}, "maxsize must be at least 1"),
    ],
    ids=["no-workers", "negative-workers", "unbounded-queue"],
)
def test_rejects_fewer_than_one_worker_or_queue_slot(kwargs, message):
    with pytest.raises(ValueError, match=message):
        run_pipeline([1, 2], str, **kwargs)


def test_one_worker_and_a_one_slot_queue_still_work(no_threads_left_behind):
    assert run("abc", str.upper, workers=1, maxsize=1) == ["A", "B", "C"]


def test_the_defaults_are_four_workers_and_eight_queue_slots(no_threads_left_behind):
    release = threading.Event()
    lock = threading.Lock()
    entered = []
    four_in, fifth_in = threading.Event(), threading.Event()
    pulled_13th, pulled_14th = threading.Event(), threading.Event()

    def items():
        for index in range(40):
            if index == 12:  # 4 being handled + 8 queued: the 13th waits to be put
                pulled_13th.set()
            if index == 13:
                pulled_14th.set()
            yield index

    def handle(item):
        with lock:
            entered.append(item)
            if len(entered) == 4:
                four_in.set()
            if len(entered) == 5:
                fifth_in.set()
        release.wait(2)
        return item

    box = {}
    caller = threading.Thread(target=lambda: box.update(result=run_pipeline(items(), handle)),
                              daemon=True)
    caller.start()
    try:
        four_started = four_in.wait(1)
        queue_filled = pulled_13th.wait(1)
        fifth_started = fifth_in.wait(GRACE)
        read_past_eight = pulled_14th.is_set()
    finally:
        release.set()
        caller.join(2)

    assert four_started and not fifth_started, "by default run_pipeline runs exactly 4 workers"
    assert queue_filled and not read_past_eight, (
        "by default the queue holds exactly 8 jobs (maxsize=8)"
    )
    assert box.get("result") == list(range(40))


def test_a_failure_while_the_queue_is_full_still_shuts_down(no_threads_left_behind):
    queue_full = threading.Event()

    def items():
        for index in range(10):
            if index == 3:  # 0 is being handled, 1 and 2 fill the queue, 3 waits to be put
                queue_full.set()
            yield index

    def handle(item):
        queue_full.wait(1)
        raise RuntimeError(f"item {item} failed")

    with pytest.raises(RuntimeError, match="item 0 failed"):
        run(items(), handle, workers=1, maxsize=2)
