"""Profiling memory with tracemalloc, then streaming instead of loading.

cProfile tells you where the TIME goes; tracemalloc tells you where the
MEMORY goes. A job that sums a column of a 2 GB export should not need
2 GB of RAM.

1. measure_peak(func, *args, **kwargs) -> (result, peak_bytes)
   Calls func and reports the highest amount of memory it allocated at
   any moment of the call, above what was allocated before it started:
   - if tracemalloc is not running, start it, and stop it afterwards;
   - if it IS running (someone else is measuring), leave it running -
     tracemalloc.stop() would throw their data away;
   - before the call: `before, _ = tracemalloc.get_traced_memory()` and
     tracemalloc.reset_peak(); after it: `_, peak = ...get_traced_memory()`;
     return peak - before.
   If func raises, the exception propagates and tracing is left as found.

       measure_peak(lambda: b"x" * 1_000_000)   # -> (b"xxx...", about 1_000_000)

2. column_total(path, column) -> float: the sum of `column` in a CSV file
   whose first row is the header. The version below reads the whole file
   into memory, several times over. Rewrite it to STREAM: open the file
   (newline="", encoding="utf-8"), give the file object to csv.reader and
   add the rows up as they come, so memory stays flat whatever the file
   size (the tests measure it with your measure_peak: under 256 KB for a
   2 MB file). Quoted fields with commas must work (use csv, not split).
   Blank lines are skipped. An empty file or a missing column raises
   KeyError naming the column.
"""

import csv
import tracemalloc  # noqa: F401  (you will need it)
from collections.abc import Callable
from pathlib import Path
from typing import Any


def measure_peak(func: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, int]:
    """Return (func's result, the peak extra bytes it allocated)."""
    raise NotImplementedError  # TODO


def column_total(path: Path, column: str) -> float:
    """Sum one column of a CSV file, reading it one row at a time."""
    # TODO: this works, but holds the whole file (text, lines, rows) in memory.
    text = path.read_text(encoding="utf-8")
    rows = list(csv.reader(text.splitlines()))
    if not rows or column not in rows[0]:
        raise KeyError(f"no column {column!r} in {path.name}")
    index = rows[0].index(column)
    values = [float(row[index]) for row in rows[1:] if row]
    return sum(values)
