"""Measure before you optimise: find the hot function with cProfile, then fix a slow one.

`cProfile` records every function call of a piece of code; `pstats` reads the record. For each
function you get `ncalls` (how often it ran), `tottime` (time in its own body) and `cumtime`
(its own time plus everything it called). The function to speed up is the one with the largest
`tottime` - not the top-level one, whose `cumtime` is always the largest.

1. `profile_call(func, *args, **kwargs)`: run `func(*args, **kwargs)` under cProfile and return
   the `pstats.FunctionProfile` of every function written in Python, keyed by function name.
   Leave out built-ins and the profiler's own entries (their `file_name` is "~"). Profile with
   `Profile.runcall`: a `with cProfile.Profile():` block would record its own `__exit__` too.
   If func raises, the error propagates and the profiler is switched off all the same (runcall
   does that; a hand-written enable()/disable() pair needs a `finally:`).
2. `hottest_function(func, *args, **kwargs)`: the name of the function with the largest tottime.
3. `call_counts(func, *args, **kwargs)`: {function name: number of calls}, e.g. for a recursive
       def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
   call_counts(fib, 5) == {"fib": 15}
4. `dedupe(items)` below is correct but slow: `item not in result` scans a list, so n items cost
   about n*n/2 comparisons. Make it O(n) - same result, first occurrences in their original
   order, equal items (==) counted once even when they are different objects, and any iterable
   read only once (a generator cannot be read twice). Items must now be hashable:
   dedupe([[1], [1]]) raises TypeError (unhashable type).
"""

import cProfile
import pstats
from collections.abc import Callable, Hashable, Iterable
from typing import Any


def profile_call(func: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, pstats.FunctionProfile]:
    # TODO: run func under a cProfile.Profile and read it with pstats.Stats(...).get_stats_profile().
    # TODO: keep only the functions written in Python.
    raise NotImplementedError


def hottest_function(func: Callable[..., Any], *args: Any, **kwargs: Any) -> str:
    # TODO: the name with the largest tottime.
    raise NotImplementedError


def call_counts(func: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, int]:
    # TODO: ncalls is a string like "3" or "15/1".
    raise NotImplementedError


def dedupe(items: Iterable[Hashable]) -> list[Hashable]:
    # TODO: this works, but it is O(n^2). Make it O(n).
    result = []
    for item in items:
        if item not in result:
            result.append(item)
    return result
