"""Exponential backoff with a cap (reference solution)."""


def retry_delay(attempt: int, base: float = 1.0, cap: float = 60.0) -> float:
    if attempt < 1:
        raise ValueError(f"attempt must be >= 1, got {attempt}")
    if base <= 0:
        raise ValueError(f"base must be positive, got {base}")
    if cap < base:
        raise ValueError(f"cap {cap} is below base {base}")
    delay = float(base)
    for _ in range(attempt - 1):
        delay *= 2
        if delay >= cap:
            return float(cap)
    return delay
