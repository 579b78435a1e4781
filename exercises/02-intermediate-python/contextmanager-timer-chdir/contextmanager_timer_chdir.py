"""Two small context managers: a class with __enter__/__exit__, and @contextmanager.

1. `Timer(clock=time.perf_counter)` measures how long its `with` block took:

       with Timer() as timer:
           do_work()
       timer.elapsed            # seconds, e.g. 0.0123

   __enter__ reads the clock and returns the Timer itself; __exit__ reads it
   again and sets `elapsed` (the difference), also when the block raised, and
   lets the exception go on (never swallow it). `elapsed` is None before the
   first block ends; a Timer can be used again, each block measured anew.
   The clock is read exactly once on entering and once on leaving.

2. `working_directory(path)` is a generator-based context manager
   (contextlib.contextmanager) that changes the current directory to `path`
   for the duration of the block and then changes back to the directory that
   was current BEFORE, however the block ends (an exception included: put the
   yield in try/finally). It yields the absolute path of the new directory.
   Nested blocks each restore their own previous directory.

       with working_directory("build") as here:
           ...                  # os.getcwd() == here
       # back where we were
"""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


class Timer:
    """Measure the duration of a with-block."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self.clock = clock
        self.elapsed: float | None = None

    def __enter__(self) -> "Timer":
        # TODO: read the clock, keep the start, return self.
        raise NotImplementedError

    def __exit__(self, exc_type, exc, tb) -> None:
        # TODO: set self.elapsed; return nothing.
        raise NotImplementedError


@contextmanager
def working_directory(path: str | Path) -> Iterator[Path]:
    """Change into `path` for the block, then back to where we were."""
    # TODO: remember os.getcwd(), os.chdir(path), yield, and restore in `finally:`.
    raise NotImplementedError
    yield  # (makes this a generator; remove when you write the body)
