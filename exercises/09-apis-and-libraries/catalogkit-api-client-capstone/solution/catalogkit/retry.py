"""Retries that are safe to make, as an httpx transport."""
import time
from collections.abc import Callable
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

import httpx

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({429, 502, 503, 504})


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def retry_after(value: str | None, now: datetime) -> float | None:
    if value is None:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        seconds = (parsedate_to_datetime(value) - now).total_seconds()
    except (TypeError, ValueError):  # not a date, or one without a time zone
        return None
    return max(0.0, seconds)


class RetryTransport(httpx.BaseTransport):
    def __init__(
        self,
        inner: httpx.BaseTransport,
        *,
        max_retries: int = 3,
        backoff: float = 0.5,
        max_delay: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.inner = inner
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_delay = max_delay
        self.sleep = sleep
        self.now = now

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        may_retry = request.method in IDEMPOTENT_METHODS or "Idempotency-Key" in request.headers
        attempt = 0
        while True:
            try:
                response = self.inner.handle_request(request)
            except httpx.TransportError:
                if not may_retry or attempt == self.max_retries:
                    raise
                delay = self.backoff * 2**attempt
            else:
                if not may_retry or attempt == self.max_retries or response.status_code not in RETRY_STATUSES:
                    return response
                delay = retry_after(response.headers.get("Retry-After"), self.now())
                if delay is None:
                    delay = self.backoff * 2**attempt
                if delay > self.max_delay:
                    return response
                response.close()
            self.sleep(delay)
            attempt += 1

    def close(self) -> None:
        self.inner.close()
