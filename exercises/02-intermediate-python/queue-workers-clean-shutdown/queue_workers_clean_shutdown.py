"""Producer/consumer with queue.Queue: worker threads, backpressure, clean shutdown.

`run_pipeline(items, handle, workers=4, maxsize=8)` calls handle(item) for every
item, in `workers` threads at once, and returns the results IN THE ORDER OF
`items` (whatever order the threads finish in).

- The calling thread is the PRODUCER: it pulls items from `items` (any
  iterable, e.g. a generator reading a huge file) and puts `(index, item)`
  jobs on ONE `queue.Queue(maxsize)`. A bounded queue gives backpressure: the
  producer blocks when `maxsize` jobs are waiting, so it never reads far
  ahead of the workers.
- Each worker thread loops: take a job, handle it, store the result; stop
  when it takes a sentinel (a unique `_STOP = object()`). Shutdown is clean:
  after the last item, put ONE sentinel PER WORKER, then join every thread.
  run_pipeline never returns or raises while one of its threads still runs.
- If handle raises, the pipeline stops early: the producer pulls no more
  items, workers skip the jobs still queued, every thread is stopped and
  joined, and then that error is raised (the first one that happened).
- If `items` itself raises, the workers are still stopped and joined (put
  the sentinels in a `finally:`), and the error propagates.

`workers` or `maxsize` below 1 raise ValueError("workers must be at least 1")
or ValueError("maxsize must be at least 1"). No items give [].

    run_pipeline(["a", "bb", "ccc"], len, workers=2)    # -> [1, 2, 3]
"""

from collections.abc import Callable, Iterable
from typing import Any

_STOP = object()


def run_pipeline(
    items: Iterable[Any], handle: Callable[[Any], Any], workers: int = 4, maxsize: int = 8
) -> list[Any]:
    """Handle every item in worker threads fed by a bounded queue; results in input order."""
    # TODO: validate; a queue.Queue(maxsize), a results dict index -> result, a
    #       threading.Event for "a handle failed"; start the worker threads; produce in
    #       a try/finally that sends one _STOP per worker and joins them all.
    raise NotImplementedError
