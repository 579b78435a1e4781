"""Capstone: a job scheduler package, driven by a simulated clock.

Background workers (cron, Celery beat, Kubernetes CronJobs, CI pipelines)
all solve the same problem: run jobs when they are due, most urgent first,
only after the jobs they depend on, retry failures with exponential backoff,
and stop everything downstream of a job that failed for good. The package
jobsched/ builds one from this topic's parts; each module's docstring is its
task, work from the bottom up and run the tests after each file:

    jobsched/backoff.py    retry_delay                      (yours)
    jobsched/queue.py      JobQueue: heap + lazy cancel     (yours)
    jobsched/scheduler.py  Scheduler, JobError              (yours)
    jobsched/__init__.py   re-exports                       (provided)
    job_scheduler_capstone.py  ManualClock (provided), simulate (yours)

simulate(scheduler, clock, until) -> list[tuple[float, str, str]]
    Drive the scheduler the way a worker loop would, without sleeping: while
    a job is queued and scheduler.next_run_time() <= until, move clock.now
    to that time (never backwards: if it is in the past, stay at now), call
    scheduler.run_pending() and record each event as (time, job_id, event).
    Return the timeline. Nothing queued, or the next run after `until`: stop.

Example:
    clock = ManualClock()
    s = Scheduler(clock, base_delay=2)
    s.submit("fetch", flaky_fetch, max_attempts=3)     # fails once
    s.submit("report", make_report, after=["fetch"], at=5)
    simulate(s, clock, until=100)
    -> [(0, 'fetch', 'retry'), (2, 'fetch', 'succeeded'), (5, 'report', 'succeeded')]
"""

from jobsched import Scheduler


class ManualClock:
    """A clock that only moves when told to (provided)."""

    def __init__(self, now: float = 0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def simulate(scheduler: Scheduler, clock: ManualClock, until: float) -> list[tuple[float, str, str]]:
    # TODO: next_run_time, move the clock (never backwards), run_pending, record
    raise NotImplementedError
