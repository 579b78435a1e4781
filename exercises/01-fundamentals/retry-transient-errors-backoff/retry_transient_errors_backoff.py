"""Exception handling: retry a call, but only for errors worth retrying.

Network calls fail now and then for reasons that go away (a dropped
connection, a timeout); retrying those, with a growing pause in between,
is normal. Retrying a ValueError (a bug or bad input) only repeats the
failure, and retrying Ctrl-C (KeyboardInterrupt) stops the user from
quitting. `sleep` is a parameter so tests (and callers) can replace it.

    call_with_retries(fetch, attempts=3, sleep=time.sleep)
    # fetch() raises ConnectionError, sleep(0.5), ConnectionError, sleep(1.0),
    # then returns {"ok": True}          -> {"ok": True}

call_with_retries(func, *, attempts=3, retry_on=(ConnectionError, TimeoutError),
                  base_delay=0.5, sleep=time.sleep)
- Calls func() (no arguments) at most `attempts` times and returns its
  result the first time it returns, whatever the result is (None, 0 and
  "" are results too).
- If func raises an instance of one of the classes in the tuple `retry_on`
  (subclasses count, as with `except`), it is tried again after calling
  sleep(delay), with delay = base_delay, then twice that, then twice again
  (0.5, 1.0, 2.0, ...). There is no sleep after the last attempt.
- If the last attempt fails that way too, raise
  RetryError("gave up after 3 attempts: ConnectionError('reset')") with the
  last error's repr, raised `from` the last error; its `attempts` attribute
  is the number of attempts made.
- Any other exception (ValueError, KeyError, KeyboardInterrupt, ...)
  propagates at once, unchanged, with no retry and no sleep.
- attempts below 1 raises ValueError("attempts must be at least 1, got 0")
  without calling func.
"""

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
    # TODO
    raise NotImplementedError
