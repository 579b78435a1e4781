"""Pure functions composed into pipelines."""
import re
from collections.abc import Callable
from functools import partial, reduce
from itertools import count, islice
from typing import Any


def pipe(*funcs: Callable[[Any], Any]) -> Callable[[Any], Any]:
    for f in funcs:
        if not callable(f):
            raise TypeError(f"pipe() arguments must be callable, got {f!r}")

    def run(value: Any) -> Any:
        return reduce(lambda acc, f: f(acc), funcs, value)

    return run


slugify = pipe(
    str.strip,
    str.lower,
    partial(re.sub, r"[^a-z0-9]+", "-"),
    lambda s: s.strip("-"),
)


def odd_squares(n: int) -> list[int]:
    if n < 0:
        raise ValueError(f"n must not be negative, got {n}")
    return list(islice(map(lambda k: k * k, count(1, 2)), n))
