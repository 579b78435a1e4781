"""Custom decorators: a @retry decorator that takes arguments."""

import functools
from collections.abc import Callable
from typing import Any


def retry(
    times: int, exceptions: tuple[type[Exception], ...] = (Exception,)
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Return a decorator that retries the decorated function up to `times` times."""
    if times < 1:
        raise ValueError("times must be at least 1")

    def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for attempt in range(times):
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    if attempt == times - 1:  # the last attempt: let its error out
                        raise

        return wrapper

    return decorator
