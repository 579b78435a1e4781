"""Two small context managers: a class with __enter__/__exit__, and @contextmanager."""

import os
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
        self._started = self.clock()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.elapsed = self.clock() - self._started


@contextmanager
def working_directory(path: str | Path) -> Iterator[Path]:
    """Change into `path` for the block, then back to where we were."""
    previous = os.getcwd()
    os.chdir(path)
    try:
        yield Path.cwd()
    finally:
        os.chdir(previous)
