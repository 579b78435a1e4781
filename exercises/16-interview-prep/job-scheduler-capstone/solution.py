"""Capstone: a job scheduler package, driven by a simulated clock (reference solution)."""

from jobsched import Scheduler


class ManualClock:
    """A clock that only moves when told to (provided)."""

    def __init__(self, now: float = 0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def simulate(scheduler: Scheduler, clock: ManualClock, until: float) -> list[tuple[float, str, str]]:
    timeline = []
    while (next_time := scheduler.next_run_time()) is not None and next_time <= until:
        clock.now = max(clock.now, next_time)
        timeline.extend((clock.now, job_id, event) for job_id, event in scheduler.run_pending())
    return timeline
