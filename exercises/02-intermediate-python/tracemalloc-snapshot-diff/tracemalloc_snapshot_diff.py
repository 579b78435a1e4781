"""Memory: measure it with tracemalloc, find where it grows, stream instead of listing.

1. `count_long_lines(path, min_length)` counts the lines of a UTF-8 text file
   that have at least `min_length` characters (the line ending not counted).
   The file may be far bigger than memory: read it line by line and count
   with a generator, never a list (not `f.readlines()`, not `f.read()`, not
   `sum([...])`). The tests measure: the peak must stay tiny.

2. `measure_peak(fn, *args)` calls fn(*args) and returns `(result, peak)`:
   peak is how many bytes above the memory in use just before the call were
   in use at the highest point DURING the call (tracemalloc.get_traced_memory
   and tracemalloc.reset_peak). If tracemalloc was not tracing yet, start it
   and stop it again afterwards, even when fn raises (the exception goes on);
   if it was already tracing (someone else's measurement), leave it on.

       measure_peak(lambda: len(bytearray(10**6)))  # -> (1000000, about 1000000)

3. `growth_by_line(fn, path, limit=5)` finds where fn() leaves memory behind:
   take a tracemalloc snapshot, call fn(), take another, and compare them by
   line (`after.compare_to(before, "lineno")`). Keep only the lines of the
   file `path` (snapshot.filter_traces with a tracemalloc.Filter) whose
   memory GREW, largest growth first, at most `limit` of them, as
   `(line_number, grown_bytes)` pairs. Start and stop tracing as in 2.

       growth_by_line(leaky_function, "/app/cache.py")   # -> [(42, 100056)]
       # line 42 of cache.py keeps 100 kB more after each call: a leak
"""

from collections.abc import Callable
from typing import Any


def count_long_lines(path: str, min_length: int) -> int:
    """Count lines with at least min_length characters, streaming the file."""
    # TODO
    raise NotImplementedError


def measure_peak(fn: Callable[..., Any], *args: Any) -> tuple[Any, int]:
    """Return fn(*args) and the peak bytes allocated above the start during the call."""
    # TODO: tracemalloc.is_tracing / start / reset_peak / get_traced_memory / stop
    raise NotImplementedError


def growth_by_line(fn: Callable[[], Any], path: str, limit: int = 5) -> list[tuple[int, int]]:
    """(line, grown bytes) of the lines of `path` whose memory grew across fn()."""
    # TODO: two snapshots, filter both to `path`, compare_to by "lineno".
    raise NotImplementedError
