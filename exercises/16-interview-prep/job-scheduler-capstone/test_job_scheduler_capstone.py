import random
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

import jobsched
from jobsched import JobError, JobQueue, Scheduler, retry_delay
from job_scheduler_capstone import ManualClock, simulate


# ---------------------------------------------------------------- backoff.py


@pytest.mark.parametrize(
    "args, expected",
    [
        ((1,), 1.0), ((2,), 2.0), ((3,), 4.0), ((6,), 32.0), ((7,), 60.0),
        ((1, 0.5), 0.5), ((4, 0.5), 4.0), ((3, 1, 4), 4.0), ((3, 1, 3.5), 3.5), ((1, 5, 5), 5.0),
    ],
    ids=["first", "second", "third", "sixth", "capped", "half-base", "half-base-fourth", "exactly-cap", "cap-between", "base-equals-cap"],
)
def test_retry_delay_doubles_up_to_the_cap(args, expected):
    assert retry_delay(*args) == expected


def test_retry_delay_survives_huge_attempt_numbers():
    assert retry_delay(100_000) == 60.0, "2.0 ** 99_999 overflows (OverflowError): stop doubling at the cap"
    assert retry_delay(10**9, 0.001, 30) == 30.0


@pytest.mark.parametrize(
    "args, message",
    [
        ((0,), r"^attempt must be >= 1, got 0$"),
        ((-3,), r"^attempt must be >= 1, got -3$"),
        ((1, 0), r"^base must be positive, got 0$"),
        ((1, -1.5), r"^base must be positive, got -1.5$"),
        ((1, 1.0, 0.5), r"^cap 0.5 is below base 1.0$"),
    ],
    ids=["attempt-zero", "attempt-negative", "base-zero", "base-negative", "cap-below-base"],
)
def test_retry_delay_rejects_bad_arguments(args, message):
    with pytest.raises(ValueError, match=message):
        retry_delay(*args)


# ---------------------------------------------------------------- queue.py


def drain(queue, now):
    out = []
    while (job := queue.pop_due(now)) is not None:
        out.append(job)
    return out


def test_jobs_come_out_by_time_then_priority_then_push_order():
    q = JobQueue()
    q.push("late", 5)
    q.push("zeta", 1, priority=0)
    q.push("high", 1, priority=9)
    q.push("alpha", 1, priority=0)
    q.push("neg", 1, priority=-1)
    q.push("plain", 1)  # the default priority is 0
    q.push("early", 0.5)
    assert drain(q, 10) == ["early", "high", "zeta", "alpha", "plain", "neg", "late"], (
        "earliest run_at first; then the higher priority; then the job pushed first (not the smaller id)"
    )


def test_pop_due_returns_only_due_jobs():
    q = JobQueue()
    q.push("a", 3)
    q.push("b", 5)
    assert q.pop_due(2.99) is None
    assert q.pop_due(3) == "a", "a job is due when run_at <= now"
    assert q.pop_due(4) is None and len(q) == 1 and q.next_time() == 5


def test_an_empty_queue():
    q = JobQueue()
    assert (q.pop_due(100), q.next_time(), len(q), "x" in q) == (None, None, 0, False)


def test_cancel_is_lazy_and_exact():
    q = JobQueue()
    for name, at in [("a", 1), ("b", 2), ("c", 3)]:
        q.push(name, at)
    assert q.cancel("a") is True and q.cancel("a") is False and q.cancel("zzz") is False
    assert ("a" in q, len(q), q.next_time()) == (False, 2, 2), "next_time must skip cancelled jobs"
    assert drain(q, 10) == ["b", "c"]


def test_a_cancelled_job_can_be_pushed_again():
    q = JobQueue()
    q.push("a", 1)
    q.push("b", 2)
    q.cancel("a")
    q.push("a", 3)
    assert q.next_time() == 2
    assert drain(q, 10) == ["b", "a"], "the old entry of 'a' stays dead; only its new entry (time 3) counts"
    q.push("c", 1)
    q.cancel("c")
    q.push("c", 4)
    q.cancel("c")
    q.push("c", 5)
    assert drain(q, 10) == ["c"] and len(q) == 0


def test_pushing_a_queued_id_twice_is_refused():
    q = JobQueue()
    q.push("a", 1)
    with pytest.raises(ValueError, match=r"^job 'a' is already queued$"):
        q.push("a", 2)
    assert drain(q, 10) == ["a"]
    q.push("a", 2)  # popped: it may be queued again
    assert "a" in q


def test_queues_do_not_share_state():
    first, second = JobQueue(), JobQueue()
    first.push("a", 1)
    assert len(second) == 0 and second.pop_due(10) is None


class Budget:
    def __init__(self) -> None:
        self.used = 0
        self.limit = None
        self.message = ""

    def spend(self) -> None:
        self.used += 1
        if self.limit is not None and self.used > self.limit:
            pytest.fail(self.message.format(limit=self.limit), pytrace=False)


def counted_time(budget):
    class Time(float):
        def __lt__(self, other):
            budget.spend()
            return float(self) < float(other)

        def __le__(self, other):
            budget.spend()
            return float(self) <= float(other)

        def __gt__(self, other):
            budget.spend()
            return float(self) > float(other)

        def __ge__(self, other):
            budget.spend()
            return float(self) >= float(other)

        def __eq__(self, other):
            budget.spend()
            return float(self) == float(other)

        __hash__ = float.__hash__

    return Time


def test_queue_work_grows_like_n_log_n():
    budget = Budget()
    Time = counted_time(budget)
    n = 4_000
    rng = random.Random(16)
    times = [Time(rng.randrange(10**6)) for _ in range(n)]
    budget.limit = 6 * n * n.bit_length()
    budget.message = (
        "expected O(log n) per operation: at most {limit} comparisons of run_at values to push 4 000 jobs, "
        "cancel half of them and pop the rest; observed more. Sorting on every push, scanning for the "
        "minimum, or list.remove() for cancel is O(n) per operation: use heapq and cancel lazily"
    )
    q = JobQueue()
    for number, at in enumerate(times):
        q.push(f"job{number}", at)
    for number in range(0, n, 2):
        q.cancel(f"job{number}")
    popped = drain(q, Time(10**7))
    budget.limit = None
    assert popped == [f"job{i}" for i in sorted(range(1, n, 2), key=lambda i: (float(times[i]), i))]


# ---------------------------------------------------------------- scheduler.py


class Recorder:
    """Functions that record their calls and can be told to fail."""

    def __init__(self) -> None:
        self.calls = []

    def ok(self, name):
        def job():
            self.calls.append(name)

        return job

    def failing(self, name, times=10**9):
        left = [times]

        def job():
            self.calls.append(name)
            if left[0] > 0:
                left[0] -= 1
                raise RuntimeError(f"{name} broke")

        return job


@pytest.fixture
def clock():
    return ManualClock()


@pytest.fixture
def rec():
    return Recorder()


def test_due_jobs_run_by_time_and_priority(clock, rec):
    s = Scheduler(clock)
    s.submit("b", rec.ok("b"), priority=1)
    s.submit("a", rec.ok("a"), priority=5)
    s.submit("c", rec.ok("c"))
    s.submit("later", rec.ok("later"), at=10)
    assert s.run_pending() == [("a", "succeeded"), ("b", "succeeded"), ("c", "succeeded")]
    assert rec.calls == ["a", "b", "c"]
    assert (s.status("later"), s.next_run_time()) == ("queued", 10)
    clock.now = 9.5
    assert s.run_pending() == []
    clock.now = 10
    assert s.run_pending() == [("later", "succeeded")] and s.next_run_time() is None


def test_submit_without_at_means_now(clock, rec):
    clock.now = 42
    s = Scheduler(clock)
    s.submit("a", rec.ok("a"))
    assert s.next_run_time() == 42


def test_a_job_waits_for_its_dependencies(clock, rec):
    s = Scheduler(clock)
    s.submit("build", rec.ok("build"), at=5)
    s.submit("lint", rec.ok("lint"), at=1)
    s.submit("deploy", rec.ok("deploy"), after=["build", "lint", "build"])
    assert s.status("deploy") == "waiting"
    clock.now = 1
    assert s.run_pending() == [("lint", "succeeded")]
    assert s.status("deploy") == "waiting", "deploy still waits for build"
    clock.now = 5
    assert s.run_pending() == [("build", "succeeded"), ("deploy", "succeeded")], (
        "a job released by a dependency that just succeeded runs in the same run_pending call"
    )


def test_a_released_job_keeps_its_own_start_time(clock, rec):
    s = Scheduler(clock)
    s.submit("a", rec.ok("a"))
    s.submit("b", rec.ok("b"), after=["a"], at=30)
    s.submit("c", rec.ok("c"), after=["a"], at=-5)
    assert s.run_pending() == [("a", "succeeded"), ("c", "succeeded")]
    assert s.next_run_time() == 30, "released at max(at, now): b still waits for its own time"


def test_a_dependency_that_already_succeeded_does_not_block(clock, rec):
    s = Scheduler(clock)
    s.submit("a", rec.ok("a"))
    s.run_pending()
    s.submit("b", rec.ok("b"), after=["a"])
    assert s.status("b") == "queued"


def test_the_defaults(clock, rec):
    s = Scheduler(clock)
    s.submit("explicit", rec.ok("explicit"), priority=0)
    s.submit("default", rec.ok("default"))
    s.submit("three-tries", rec.failing("three-tries"))
    s.submit("long", rec.failing("long"), max_attempts=9)
    timeline = simulate(s, clock, until=10**6)
    assert timeline[:2] == [(0, "explicit", "succeeded"), (0, "default", "succeeded")], "the default priority is 0"
    assert [t for t, job, _ in timeline if job == "three-tries"] == [0, 1, 3], (
        "by default a job gets 3 attempts, waiting base_delay=1 then 2 seconds"
    )
    assert [t for t, job, _ in timeline if job == "long"] == [0, 1, 3, 7, 15, 31, 63, 123, 183], (
        "the default max_delay is 60 seconds"
    )


def test_failures_are_retried_with_exponential_backoff(clock, rec):
    s = Scheduler(clock, base_delay=2, max_delay=5)
    s.submit("flaky", rec.failing("flaky", times=3), max_attempts=5)
    assert s.run_pending() == [("flaky", "retry")]
    assert (s.status("flaky"), s.next_run_time()) == ("queued", 2)
    clock.now = 2
    assert s.run_pending() == [("flaky", "retry")]
    assert s.next_run_time() == 6, "second failure: wait base * 2 = 4 seconds"
    clock.now = 6
    assert s.run_pending() == [("flaky", "retry")]
    assert s.next_run_time() == 11, "third failure: 8 seconds, capped at max_delay 5"
    clock.now = 11
    assert s.run_pending() == [("flaky", "succeeded")]
    assert rec.calls == ["flaky"] * 4


def test_the_last_attempt_fails_and_cancels_everything_downstream(clock, rec):
    s = Scheduler(clock)
    s.submit("extract", rec.failing("extract"), max_attempts=1)
    s.submit("side", rec.ok("side"))
    s.submit("transform", rec.ok("transform"), after=["extract"])
    s.submit("load", rec.ok("load"), after=["transform"])
    s.submit("audit", rec.ok("audit"), after=["extract", "side"])
    s.submit("report", rec.ok("report"), after=["load", "audit"])
    assert s.run_pending() == [
        ("extract", "failed"),
        ("transform", "cancelled"),
        ("audit", "cancelled"),
        ("load", "cancelled"),
        ("report", "cancelled"),
        ("side", "succeeded"),
    ], "cascade breadth-first, dependents in submission order, each job once"
    assert [s.status(j) for j in ("extract", "transform", "report", "side")] == ["failed", "cancelled", "cancelled", "succeeded"]
    assert rec.calls == ["extract", "side"]
    s.submit("late", rec.ok("late"), after=["transform"])
    assert s.status("late") == "cancelled", "depending on a cancelled job cancels the new job at once"
    s.submit("later", rec.ok("later"), after=["extract"])
    assert s.status("later") == "cancelled"


def test_a_cancelled_dependent_is_not_revived_when_its_other_dependency_succeeds(clock, rec):
    s = Scheduler(clock)
    s.submit("slow", rec.ok("slow"), at=10)
    s.submit("child", rec.ok("child"), after=["slow"])
    assert s.cancel("child") == ["child"]
    clock.now = 10
    assert s.run_pending() == [("slow", "succeeded")]
    assert s.status("child") == "cancelled" and rec.calls == ["slow"]


def test_cancel_cascades_and_reports_what_it_cancelled(clock, rec):
    s = Scheduler(clock)
    s.submit("root", rec.ok("root"), at=5)
    s.submit("x", rec.ok("x"), after=["root"])
    s.submit("y", rec.ok("y"), after=["root"])
    s.submit("z", rec.ok("z"), after=["x", "y"])
    s.submit("free", rec.ok("free"), at=5)
    assert s.cancel("root") == ["root", "x", "y", "z"]
    assert s.next_run_time() == 5
    clock.now = 5
    assert s.run_pending() == [("free", "succeeded")]


@pytest.mark.parametrize(
    "action, message",
    [
        (lambda s, rec: s.submit("a", rec.ok("a2")), r"^duplicate job id 'a'$"),
        (lambda s, rec: s.submit("b", rec.ok("b"), after=["a", "ghost"]), r"^unknown dependency 'ghost' of 'b'$"),
        (lambda s, rec: s.submit("b", rec.ok("b"), max_attempts=0), r"^max_attempts must be >= 1, got 0$"),
        (lambda s, rec: s.cancel("ghost"), r"^unknown job 'ghost'$"),
        (lambda s, rec: s.status("ghost"), r"^unknown job 'ghost'$"),
    ],
    ids=["duplicate-id", "unknown-dependency", "zero-attempts", "cancel-unknown", "status-unknown"],
)
def test_mistakes_raise_job_error_and_change_nothing(clock, rec, action, message):
    s = Scheduler(clock)
    s.submit("a", rec.ok("a"))
    with pytest.raises(JobError, match=message):
        action(s, rec)
    with pytest.raises(JobError):
        s.status("b")  # a refused submit must not leave a half-registered job behind
    assert s.run_pending() == [("a", "succeeded")] and rec.calls == ["a"]


def test_cancelling_a_finished_job_is_an_error(clock, rec):
    s = Scheduler(clock)
    s.submit("ok", rec.ok("ok"))
    s.submit("bad", rec.failing("bad"), max_attempts=1)
    s.run_pending()
    with pytest.raises(JobError, match=r"^job 'ok' already succeeded$"):
        s.cancel("ok")
    with pytest.raises(JobError, match=r"^job 'bad' already failed$"):
        s.cancel("bad")
    s.submit("c", rec.ok("c"), at=3)
    s.cancel("c")
    with pytest.raises(JobError, match=r"^job 'c' already cancelled$"):
        s.cancel("c")


def test_ctrl_c_is_not_a_job_failure(clock):
    s = Scheduler(clock)

    def interrupted():
        raise KeyboardInterrupt

    def exits():
        raise SystemExit(3)

    s.submit("a", interrupted)
    with pytest.raises(KeyboardInterrupt):
        s.run_pending()
    s.submit("b", exits)
    with pytest.raises(SystemExit):
        s.run_pending()


def test_the_clock_is_read_once_per_run(rec):
    class TickingClock:
        """Moves on by `step` seconds every time it is read."""

        def __init__(self):
            self.now, self.step = 0, 0

        def __call__(self):
            value = self.now
            self.now += self.step
            return value

    clock = TickingClock()
    s = Scheduler(clock)
    s.submit("a", rec.ok("a"), at=0)
    s.submit("b", rec.ok("b"), after=["a"], at=15)
    s.submit("c", rec.ok("c"), at=25)
    clock.step = 10  # from now on, every reading is 10 s later than the one before
    assert s.run_pending() == [("a", "succeeded")], (
        "read the clock ONCE at the start of run_pending: jobs due later than that reading wait for the next call"
    )
    assert s.next_run_time() == 15


# ---------------------------------------------------------------- simulate


def test_the_docstring_example(clock, rec):
    s = Scheduler(clock, base_delay=2)
    s.submit("fetch", rec.failing("fetch", times=1), max_attempts=3)
    s.submit("report", rec.ok("report"), after=["fetch"], at=5)
    assert simulate(s, clock, until=100) == [(0, "fetch", "retry"), (2, "fetch", "succeeded"), (5, "report", "succeeded")]


def test_simulate_stops_at_until_and_never_moves_the_clock_back(rec):
    clock = ManualClock(now=10)
    s = Scheduler(clock)
    s.submit("overdue", rec.ok("overdue"), at=3)
    s.submit("soon", rec.ok("soon"), at=20)
    s.submit("far", rec.ok("far"), at=500)
    assert simulate(s, clock, until=20) == [(10, "overdue", "succeeded"), (20, "soon", "succeeded")]
    assert clock.now == 20 and s.status("far") == "queued"
    assert simulate(s, clock, until=499.9) == []
    assert simulate(s, clock, until=500) == [(500, "far", "succeeded")]
    assert simulate(s, clock, until=10**6) == []


def test_simulate_runs_retries_to_the_end(clock, rec):
    s = Scheduler(clock, base_delay=1, max_delay=4)
    s.submit("never", rec.failing("never"), max_attempts=4)
    s.submit("after", rec.ok("after"), after=["never"])
    assert simulate(s, clock, until=1000) == [
        (0, "never", "retry"), (1, "never", "retry"), (3, "never", "retry"), (7, "never", "failed"), (7, "after", "cancelled"),
    ]


# ---------------------------------------------------------------- scale


@contextmanager
def package_line_budget(limit: int, message: str):
    """Count the lines of jobsched/ that run; fail once past the limit."""
    folder = str(Path(jobsched.__file__).parent)
    used = [0]

    def local(frame, event, arg):
        if event == "line":
            used[0] += 1
            if used[0] > limit:
                sys.settrace(None)
                pytest.fail(message.format(limit=limit), pytrace=False)
        return local

    def global_trace(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(folder) else None

    previous = sys.gettrace()
    sys.settrace(global_trace)
    try:
        yield used
    finally:
        sys.settrace(previous)


def test_a_long_dependency_chain_runs_in_linear_work(clock):
    n = 2_000
    s = Scheduler(clock)
    done = []
    s.submit("step0", lambda: done.append(0))
    for i in range(1, n):
        s.submit(f"step{i}", (lambda i=i: done.append(i)), after=[f"step{i - 1}"])
    s.submit("bystander", lambda: None, at=10)
    for i in range(300):
        s.submit(f"idle{i}", lambda: None, after=["bystander"])
    message = (
        "expected O(n log n): at most {limit} lines of jobsched/ to run a chain of 2 000 jobs, each released by "
        "the previous one; observed more. Looking through every waiting job after each success is O(n^2): "
        "keep, per job, the list of jobs that depend on it"
    )
    with package_line_budget(n * 120, message):
        events = s.run_pending()
    assert done == list(range(n)) and len(events) == n


def test_cancelling_a_long_chain_does_not_recurse(clock):
    n = 3_000
    s = Scheduler(clock)
    s.submit("j0", lambda: None, at=1)
    for i in range(1, n):
        s.submit(f"j{i}", lambda: None, after=[f"j{i - 1}"])
    assert s.cancel("j0") == [f"j{i}" for i in range(n)], "walk the dependents with a queue: recursion stops near 1 000"
