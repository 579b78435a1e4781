"""Exponential backoff with a cap.

retry_delay(attempt, base=1.0, cap=60.0) -> float
    The wait before retry number `attempt` (1 is the first retry):
    base * 2 ** (attempt - 1), but never more than cap.
        retry_delay(1) -> 1.0, retry_delay(2) -> 2.0, retry_delay(3) -> 4.0,
        retry_delay(7) -> 60.0 (64 is capped), retry_delay(1, base=0.5) -> 0.5
    It must work for any attempt number, even 100 000 (a job retried for
    days): 2.0 ** 100_000 overflows a float (OverflowError), so stop
    doubling once the cap is reached.
    attempt < 1           -> ValueError("attempt must be >= 1, got 0")
    base <= 0             -> ValueError("base must be positive, got 0")
    cap < base            -> ValueError("cap 0.5 is below base 1.0")
"""


def retry_delay(attempt: int, base: float = 1.0, cap: float = 60.0) -> float:
    # TODO: validate, then double base (attempt - 1) times without passing cap
    raise NotImplementedError
