"""Custom decorators: @retry with exponential back-off and bounded jitter.

Real services fail for a moment (a timeout, a 503). A client retries, but
waits longer after each failure (exponential back-off) and adds a little
randomness (jitter) so a thousand clients do not all retry at the same
instant. Write the decorator factory `retry`:

    @retry(attempts=4, base=0.5, factor=2.0, jitter=0.1, sleep=fake_sleep)
    def fetch():
        ...

If fetch() fails three times and then succeeds, it is called 4 times and
sleeps 3 times, about 0.5, 1.0 and 2.0 seconds (each within +-10 %).

Defaults: attempts=3, base=0.1 s, factor=2.0, max_delay=10.0 s,
jitter=0.1, retry_on=(Exception,).

Rules:
- The nominal delay after the 1st failure is `base`; after each further
  failure it is multiplied by `factor`, and it never exceeds `max_delay`
  (the first one too: min(base, max_delay)). The cap must also work for
  hundreds of attempts (2.0 ** 1100 is an OverflowError: keep the running
  delay capped instead of computing factor ** n).
- Jitter: the time actually slept is
      nominal * (1 - jitter + 2 * jitter * rand())
  so with rand() in [0, 1) it stays within nominal * (1 +- jitter).
  Call rand() exactly once per sleep.
- Sleep with the injected `sleep` (default time.sleep) and draw from the
  injected `rand` (default random.random): tests pass fakes, nothing
  really waits.
- Only exceptions that are instances of `retry_on` are retried; any other
  exception propagates at once, without sleeping.
- After the last attempt, do not sleep: re-raise that last exception
  itself (same object, not wrapped).
- Every call of the decorated function starts again from attempt 1 and
  the nominal delay `base`.
- functools.wraps: keep __name__, __doc__ and __wrapped__.
- Bad settings raise ValueError when retry(...) is called, before any
  function is decorated: attempts < 1, base or max_delay negative, or
  jitter outside [0, 1].
"""

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
    # TODO: validate the settings, then return a decorator whose wrapper
    #       loops over the attempts, sleeps between them and re-raises.
    raise NotImplementedError
