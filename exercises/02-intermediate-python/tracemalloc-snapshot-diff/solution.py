"""Memory: measure it with tracemalloc, find where it grows, stream instead of listing."""

import tracemalloc
from collections.abc import Callable
from typing import Any


def count_long_lines(path: str, min_length: int) -> int:
    """Count lines with at least min_length characters, streaming the file."""
    with open(path, encoding="utf-8") as lines:
        return sum(1 for line in lines if len(line.removesuffix("\n")) >= min_length)


def measure_peak(fn: Callable[..., Any], *args: Any) -> tuple[Any, int]:
    """Return fn(*args) and the peak bytes allocated above the start during the call."""
    started_here = not tracemalloc.is_tracing()
    if started_here:
        tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        baseline, _ = tracemalloc.get_traced_memory()
        result = fn(*args)
        _, peak = tracemalloc.get_traced_memory()
        return result, peak - baseline
    finally:
        if started_here:
            tracemalloc.stop()


def growth_by_line(fn: Callable[[], Any], path: str, limit: int = 5) -> list[tuple[int, int]]:
    """(line, grown bytes) of the lines of `path` whose memory grew across fn()."""
    started_here = not tracemalloc.is_tracing()
    if started_here:
        tracemalloc.start()
    try:
        only_path = [tracemalloc.Filter(True, path)]
        before = tracemalloc.take_snapshot().filter_traces(only_path)
        fn()
        after = tracemalloc.take_snapshot().filter_traces(only_path)
    finally:
        if started_here:
            tracemalloc.stop()
    grown = [
        (stat.traceback[0].lineno, stat.size_diff)
        for stat in after.compare_to(before, "lineno")
        if stat.size_diff > 0
    ]
    return grown[:limit]
