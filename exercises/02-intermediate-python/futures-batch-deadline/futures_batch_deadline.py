"""concurrent.futures: a batch of jobs in a thread pool, under one deadline.

`run_batch(fn, items, workers, timeout)` calls fn(item) for every item in a
ThreadPoolExecutor of `workers` threads and returns one Outcome per item, IN
THE ORDER OF `items`:

- Outcome(item, value=fn(item)) when the call returned in time;
- Outcome(item, error=the exception) when it raised an Exception: one failing
  item does not stop the others, and run_batch does not raise it
  (executor.map would: its iterator re-raises the first error and loses the rest);
- Outcome(item, timed_out=True) when it had not finished `timeout` seconds
  after run_batch started (one deadline for the whole batch).

At the deadline run_batch returns AT ONCE: the calls not started yet are
cancelled (they never run), and it does not wait for the calls still running
(they finish in the background). Careful: leaving a `with ThreadPoolExecutor()
as pool:` block waits for every call; use `pool.shutdown(wait=False,
cancel_futures=True)` instead, in a `finally:`.

`workers` below 1 raises ValueError("workers must be at least 1").

    run_batch(int, ["1", "x", "3"], workers=2, timeout=1.0)
    # -> [Outcome("1", value=1), Outcome("x", error=ValueError(...)), Outcome("3", value=3)]
"""

from collections.abc import Callable, Iterable
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
    # TODO: submit every item, concurrent.futures.wait(futures, timeout), then build
    #       the outcomes; shut the pool down without waiting, cancelling what has not started.
    raise NotImplementedError
