"""Custom decorators: a @retry decorator that takes arguments.

Network calls fail now and then, and trying again is often the fix. Write
`retry(times, exceptions)`, a decorator *factory*: calling it returns the
decorator that wraps your function.

    calls = 0

    @retry(times=3, exceptions=(ConnectionError,))
    def fetch() -> str:
        global calls
        calls += 1
        if calls < 3:
            raise ConnectionError("flaky network")
        return "data"

    fetch()  # -> "data": failed twice, succeeded on the third attempt

Rules:
- The function is called at most `times` times in total. The first result
  that comes back without an error is returned, even a falsy one (0, None, "").
- Every call of the decorated function gets its own `times` attempts.
- Only the exception types in `exceptions` are retried. Any other error
  propagates at once, without another attempt.
- If every attempt fails, the error from the last attempt is raised: that
  very exception object, not the first one and not a copy.
- Arguments (positional and keyword) are passed through unchanged.
- The wrapped function keeps its name and docstring (use functools.wraps).
- `retry(times=0)` (or any times < 1) raises
  ValueError("times must be at least 1") straight away, when the decorator
  is created, not when the function is first called.
"""

import functools
from collections.abc import Callable
from typing import Any


def retry(
    times: int, exceptions: tuple[type[Exception], ...] = (Exception,)
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Return a decorator that retries the decorated function up to `times` times."""
    # TODO: validate `times`, then define and return a decorator.
    #       The decorator defines a wrapper (decorated with functools.wraps)
    #       that calls the function in a loop.
    raise NotImplementedError
