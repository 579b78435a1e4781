"""A heap of timed jobs with lazy cancellation.

JobQueue() holds job ids, each with the time it may run (run_at, seconds)
and a priority (a higher number is more urgent).

    .push(job_id, run_at, priority=0)
        an id that is already queued -> ValueError("job 'a' is already queued")
    .pop_due(now) -> job_id | None
        remove and return the job to run next among those with run_at <= now:
        the earliest run_at; on equal run_at the higher priority; then the
        one pushed first. None when no job is due yet.
    .cancel(job_id) -> bool     True if it was queued (and now is not)
    .next_time() -> float | None   the earliest run_at still queued
    len(queue), job_id in queue    the jobs still queued (not cancelled)

Every operation is O(log n) (amortised): a heapq heap of
(run_at, -priority, sequence number, job_id) entries, the sequence number
keeping the order of pushes and keeping `<` away from anything else.
cancel is O(1): remember that the entry is dead and drop it when it reaches
the top of the heap; removing it from the heap's list is O(n). The tests
count the comparisons of run_at values.
"""

import heapq
import itertools


class JobQueue:
    def __init__(self) -> None:
        # TODO: a heap, a sequence counter, and the live entries by job id
        ...

    def push(self, job_id: str, run_at: float, priority: int = 0) -> None:
        raise NotImplementedError

    def pop_due(self, now: float) -> str | None:
        raise NotImplementedError

    def cancel(self, job_id: str) -> bool:
        raise NotImplementedError

    def next_time(self) -> float | None:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __contains__(self, job_id: object) -> bool:
        raise NotImplementedError
