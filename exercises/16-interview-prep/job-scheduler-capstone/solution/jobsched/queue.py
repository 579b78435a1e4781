"""A heap of timed jobs with lazy cancellation (reference solution)."""

import heapq
import itertools


class JobQueue:
    def __init__(self) -> None:
        self._heap: list[tuple[float, int, int, str]] = []
        self._sequence = itertools.count()
        self._live: dict[str, int] = {}  # job id -> sequence number of its live entry

    def push(self, job_id: str, run_at: float, priority: int = 0) -> None:
        if job_id in self._live:
            raise ValueError(f"job {job_id!r} is already queued")
        number = next(self._sequence)
        self._live[job_id] = number
        heapq.heappush(self._heap, (run_at, -priority, number, job_id))

    def _drop_dead(self) -> None:
        while self._heap and self._live.get(self._heap[0][3]) != self._heap[0][2]:
            heapq.heappop(self._heap)

    def pop_due(self, now: float) -> str | None:
        self._drop_dead()
        if not self._heap or self._heap[0][0] > now:
            return None
        job_id = heapq.heappop(self._heap)[3]
        del self._live[job_id]
        return job_id

    def cancel(self, job_id: str) -> bool:
        return self._live.pop(job_id, None) is not None

    def next_time(self) -> float | None:
        self._drop_dead()
        return self._heap[0][0] if self._heap else None

    def __len__(self) -> int:
        return len(self._live)

    def __contains__(self, job_id: object) -> bool:
        return job_id in self._live
