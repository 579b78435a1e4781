"""jobsched: a small in-process job scheduler (the capstone of topic 16).

    backoff.py    retry_delay            exponential backoff with a cap
    queue.py      JobQueue               a heap of timed jobs with lazy cancel
    scheduler.py  Scheduler, JobError    jobs with priorities, dependencies,
                                         retries and cascading cancellation
"""

from .backoff import retry_delay
from .queue import JobQueue
from .scheduler import JobError, Scheduler

__all__ = ["JobError", "JobQueue", "Scheduler", "retry_delay"]
