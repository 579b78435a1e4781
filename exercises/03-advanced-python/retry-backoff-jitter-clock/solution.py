"""Custom decorators: @retry with exponential back-off and bounded jitter."""

import functools
import random
import time
from collections.abc import Callable
from typing import Any


def retry(
    *,
    attempts: int = 3,
    base: float = 0.1,
    factor: float = 2.0,
    max_delay: float = 10.0,
    jitter: float = 0.1,
    retry_on: tuple[type[BaseException], ...] = (Exception,),
    sleep: Callable[[float], None] = time.sleep,
    rand: Callable[[], float] = random.random,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Retry the decorated function with exponential back-off and jitter."""
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    if base < 0 or max_delay < 0:
        raise ValueError("base and max_delay must not be negative")
    if not 0 <= jitter <= 1:
        raise ValueError("jitter must be between 0 and 1")

    def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            delay = min(base, max_delay)
            for _ in range(attempts - 1):
                try:
                    return func(*args, **kwargs)
                except retry_on:
                    pass
                sleep(delay * (1 - jitter + 2 * jitter * rand()))
                delay = min(delay * factor, max_delay)
            return func(*args, **kwargs)

        return wrapper

    return decorator
