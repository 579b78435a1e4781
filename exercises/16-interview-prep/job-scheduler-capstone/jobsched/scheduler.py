"""Jobs with priorities, dependencies, retries and cascading cancellation.

Scheduler(clock, *, base_delay=1.0, max_delay=60.0)
    clock() returns the current time in seconds (injected: tests move it by
    hand, nothing ever sleeps).

.submit(job_id, func, *, at=None, priority=0, after=(), max_attempts=3)
    Register func (called with no arguments) under a unique job_id, to run
    at time `at` (None: now) and only after every job in `after` SUCCEEDED
    (a dependency listed twice counts once). Checks, before anything changes:
      job_id already used          -> JobError("duplicate job id 'a'")
      a dependency never submitted -> JobError("unknown dependency 'x' of 'a'")
      max_attempts < 1             -> JobError("max_attempts must be >= 1, got 0")
    A job whose dependencies are all done is queued (JobQueue) at `at`;
    otherwise it is "waiting". If a dependency has already failed or been
    cancelled, the job is cancelled at once.

.run_pending() -> list[tuple[str, str]]
    Run every job due at clock() (one clock reading for the whole call), in
    JobQueue order, including jobs that become due during the call (a job
    released by a dependency that just succeeded, with `at` <= now). Return
    the events in the order they happened:
      (id, "succeeded")  func returned
      (id, "retry")      func raised an Exception and attempts remain: it is
                         queued again at now + retry_delay(failures so far,
                         base_delay, max_delay)
      (id, "failed")     func raised on its last attempt
      (id, "cancelled")  for each job that (directly or through other jobs)
                         depended on a job that failed, in breadth-first
                         order, dependents in the order they were submitted.
    Only Exception counts as a failure: KeyboardInterrupt, SystemExit and
    other BaseExceptions propagate (never swallow Ctrl-C).
    When a job succeeds, each job waiting on it whose last dependency this
    was is queued at max(its at, now). Releasing must not look at jobs that
    do not depend on the finished one (no scan of every waiting job: the
    tests count the lines your package runs).

.cancel(job_id) -> list[str]
    Cancel a waiting or queued job and, transitively, every job depending
    on it; return their ids in the same breadth-first order, job_id first.
    A job that already finished -> JobError("job 'a' already succeeded")
    (or "failed", "cancelled"); unknown -> JobError("unknown job 'a'").

.status(job_id) -> "waiting" | "queued" | "succeeded" | "failed" | "cancelled"
    (a job being retried is "queued"); unknown -> JobError("unknown job 'a'")
.next_run_time() -> float | None   the earliest time a queued job may run

No recursion anywhere: dependency chains may be thousands of jobs long.
"""

from collections import deque
from collections.abc import Callable, Iterable

from .backoff import retry_delay
from .queue import JobQueue


class JobError(Exception):
    """A job was submitted or cancelled in a way that cannot work."""


class Scheduler:
    def __init__(self, clock: Callable[[], float], *, base_delay: float = 1.0, max_delay: float = 60.0) -> None:
        self._clock = clock
        self._base_delay = base_delay
        self._max_delay = max_delay
        self._queue = JobQueue()
        # TODO: per job: func, at, priority, max_attempts, failures, status,
        # unfinished dependency count, and the jobs that depend on it

    def submit(
        self,
        job_id: str,
        func: Callable[[], object],
        *,
        at: float | None = None,
        priority: int = 0,
        after: Iterable[str] = (),
        max_attempts: int = 3,
    ) -> None:
        raise NotImplementedError

    def run_pending(self) -> list[tuple[str, str]]:
        raise NotImplementedError

    def cancel(self, job_id: str) -> list[str]:
        raise NotImplementedError

    def status(self, job_id: str) -> str:
        raise NotImplementedError

    def next_run_time(self) -> float | None:
        raise NotImplementedError
