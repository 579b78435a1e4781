"""concurrent.futures: a batch of jobs in a thread pool, under one deadline."""

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any


@dataclass
class Outcome:
    item: Any
    value: Any = None
    error: Exception | None = None
    timed_out: bool = False


def run_batch(
    fn: Callable[[Any], Any], items: Iterable[Any], workers: int, timeout: float
) -> list[Outcome]:
    """fn(item) for every item in a thread pool; one Outcome per item, in order."""
    if workers < 1:
        raise ValueError("workers must be at least 1")
    pool = ThreadPoolExecutor(max_workers=workers)
    try:
        jobs = [(item, pool.submit(fn, item)) for item in items]
        _, late = wait([future for _, future in jobs], timeout=timeout)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    outcomes = []
    for item, future in jobs:
        if future in late:
            outcomes.append(Outcome(item, timed_out=True))
        elif future.exception() is not None:
            outcomes.append(Outcome(item, error=future.exception()))
        else:
            outcomes.append(Outcome(item, value=future.result()))
    return outcomes
