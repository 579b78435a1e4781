"""Exception handling: retry a call, but only for errors worth retrying."""

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class RetryError(Exception):
    """Every attempt failed with a transient error."""

    def __init__(self, message: str, attempts: int) -> None:
        super().__init__(message)
        self.attempts = attempts


def call_with_retries(
    func: Callable[[], T],
    *,
    attempts: int = 3,
    retry_on: tuple[type[BaseException], ...] = (ConnectionError, TimeoutError),
    base_delay: float = 0.5,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Call func(), retrying transient errors with exponential backoff."""
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, got {attempts}")
    for attempt in range(1, attempts + 1):
        try:
            result = func()
        except retry_on as err:
            last_error = err
            if attempt < attempts:
                sleep(base_delay * 2 ** (attempt - 1))
        else:
            return result
    raise RetryError(f"gave up after {attempts} attempts: {last_error!r}", attempts) from last_error
