"""Build programs by composing small pure functions.

A pure function only reads its arguments and only returns a result: no
globals, no mutation, no printing. Pure functions can be glued together.

1. pipe(*funcs) returns ONE function that passes its argument through funcs
   from left to right:  pipe(f, g, h)(x) == h(g(f(x))).  pipe() with no
   functions returns its input unchanged. A non-callable argument raises
   TypeError("pipe() arguments must be callable ...") when the pipe is BUILT.
       >>> pipe(str.strip, str.upper, len)("  abc ")
       3

2. slugify(title) turns a title into a URL slug: strip, lowercase, replace
   every run of characters other than a-z and 0-9 (so also "_", "é", tabs)
   by one "-", and drop "-" at both ends. Practise by building it with pipe()
   and functools.partial (it may be a variable holding a function rather
   than a def).
       >>> slugify("  Hello, World! 2024 ")
       'hello-world-2024'

3. odd_squares(n) returns the squares of the first n odd numbers, [1, 9, 25, ...],
   for any n (the tests ask for 300 000, so no range with a guessed upper
   bound). Practise laziness: take them from the infinite itertools.count(1, 2),
   square them with map and stop with islice.
   n < 0 raises ValueError("n must not be negative ...").
"""
import re
from collections.abc import Callable
from functools import partial, reduce
from itertools import count, islice
from typing import Any


def pipe(*funcs: Callable[[Any], Any]) -> Callable[[Any], Any]:
    # TODO: validate funcs, then return a function that folds the value
    #       through them with functools.reduce.
    raise NotImplementedError


def slugify(title: str) -> str:
    # TODO: replace this def by  slugify = pipe(...)  built from small steps.
    return title.lower()


def odd_squares(n: int) -> list[int]:
    # TODO: count(1, 2) -> square each -> take the first n.
    raise NotImplementedError
