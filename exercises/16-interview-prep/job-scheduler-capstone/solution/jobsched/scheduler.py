"""Jobs with priorities, dependencies, retries and cascading cancellation (reference solution)."""

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .backoff import retry_delay
from .queue import JobQueue


class JobError(Exception):
    """A job was submitted or cancelled in a way that cannot work."""


@dataclass
class _Job:
    func: Callable[[], object]
    at: float
    priority: int
    max_attempts: int
    status: str = "waiting"
    failures: int = 0
    unfinished: int = 0  # dependencies that have not succeeded yet
    dependents: list[str] = field(default_factory=list)


class Scheduler:
    def __init__(self, clock: Callable[[], float], *, base_delay: float = 1.0, max_delay: float = 60.0) -> None:
        self._clock = clock
        self._base_delay = base_delay
        self._max_delay = max_delay
        self._queue = JobQueue()
        self._jobs: dict[str, _Job] = {}

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
        if job_id in self._jobs:
            raise JobError(f"duplicate job id {job_id!r}")
        needs = list(dict.fromkeys(after))  # unique, in order
        for need in needs:
            if need not in self._jobs:
                raise JobError(f"unknown dependency {need!r} of {job_id!r}")
        if max_attempts < 1:
            raise JobError(f"max_attempts must be >= 1, got {max_attempts}")
        job = _Job(func, self._clock() if at is None else at, priority, max_attempts)
        self._jobs[job_id] = job
        for need in needs:
            status = self._jobs[need].status
            if status in ("failed", "cancelled"):
                job.status = "cancelled"
            elif status != "succeeded":
                job.unfinished += 1
                self._jobs[need].dependents.append(job_id)
        if job.status != "cancelled" and job.unfinished == 0:
            self._enqueue(job_id, job.at)

    def _enqueue(self, job_id: str, run_at: float) -> None:
        job = self._jobs[job_id]
        job.status = "queued"
        self._queue.push(job_id, run_at, job.priority)

    def _cancel_dependents(self, job_id: str) -> list[str]:
        """Cancel every job depending on job_id, breadth first; return their ids."""
        cancelled = []
        todo = deque(self._jobs[job_id].dependents)
        while todo:
            dependent = todo.popleft()
            job = self._jobs[dependent]
            if job.status == "waiting":  # a dependent cannot be queued before its dependency succeeded
                job.status = "cancelled"
                cancelled.append(dependent)
                todo.extend(job.dependents)
        return cancelled

    def run_pending(self) -> list[tuple[str, str]]:
        now = self._clock()
        events: list[tuple[str, str]] = []
        while (job_id := self._queue.pop_due(now)) is not None:
            job = self._jobs[job_id]
            try:
                job.func()
            except Exception:
                job.failures += 1
                if job.failures < job.max_attempts:
                    self._enqueue(job_id, now + retry_delay(job.failures, self._base_delay, self._max_delay))
                    events.append((job_id, "retry"))
                else:
                    job.status = "failed"
                    events.append((job_id, "failed"))
                    events.extend((dependent, "cancelled") for dependent in self._cancel_dependents(job_id))
                continue
            job.status = "succeeded"
            events.append((job_id, "succeeded"))
            for dependent in job.dependents:
                waiting = self._jobs[dependent]
                waiting.unfinished -= 1
                if waiting.unfinished == 0 and waiting.status == "waiting":
                    self._enqueue(dependent, max(waiting.at, now))
        return events

    def cancel(self, job_id: str) -> list[str]:
        if job_id not in self._jobs:
            raise JobError(f"unknown job {job_id!r}")
        job = self._jobs[job_id]
        if job.status not in ("waiting", "queued"):
            raise JobError(f"job {job_id!r} already {job.status}")
        job.status = "cancelled"
        self._queue.cancel(job_id)
        return [job_id, *self._cancel_dependents(job_id)]

    def status(self, job_id: str) -> str:
        if job_id not in self._jobs:
            raise JobError(f"unknown job {job_id!r}")
        return self._jobs[job_id].status

    def next_run_time(self) -> float | None:
        return self._queue.next_time()
