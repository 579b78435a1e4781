"""Profiling memory with tracemalloc, then streaming instead of loading."""

import csv
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any


def measure_peak(func: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, int]:
    """Return (func's result, the peak extra bytes it allocated)."""
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        result = func(*args, **kwargs)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return result, peak - before


def column_total(path: Path, column: str) -> float:
    """Sum one column of a CSV file, reading it one row at a time."""
    with open(path, newline="", encoding="utf-8") as file:
        reader = csv.reader(file)
        header = next(reader, None)
        if header is None or column not in header:
            raise KeyError(f"no column {column!r} in {path.name}")
        index = header.index(column)
        return sum(float(row[index]) for row in reader if row)
