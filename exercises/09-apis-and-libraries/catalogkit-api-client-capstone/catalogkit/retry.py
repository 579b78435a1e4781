"""Retries that are safe to make, as an httpx transport.

A transport is what an httpx.Client hands each request to. Wrapping the real
one puts the retries under every request the client sends, whoever sends it:

    client = httpx.Client(transport=RetryTransport(httpx.HTTPTransport()))

retry_after(value, now) -> seconds to wait as the Retry-After header says, or None.
    value is the header's text or None (no header). Two forms exist:
    - a whole number of seconds in ASCII digits, spaces around allowed:
      "7" -> 7.0 ("1.5", "-1", "٣" are not: None);
    - an HTTP date, "Wed, 21 Oct 2015 07:28:30 GMT": the seconds from `now`
      (an aware datetime) to that date, 0.0 if it is already past.
      email.utils.parsedate_to_datetime reads it; a date without a zone
      ("... -0000" gives a naive datetime) or anything else unreadable -> None.

RetryTransport(inner, *, max_retries=3, backoff=0.5, max_delay=60.0,
               sleep=time.sleep, now=utc_now)
    handle_request(request) sends the request through inner.handle_request and
    retries it (at most max_retries times, so max_retries + 1 sends in all):
    - only when a retry cannot do harm: the method is idempotent (GET, HEAD,
      OPTIONS, PUT, DELETE), or the request has an Idempotency-Key header.
      A POST or PATCH without one is sent exactly once whatever happens: the
      first one may have been carried out even though its answer was lost.
    - on a 429, 502, 503 or 504 answer, or when inner raises an
      httpx.TransportError (ConnectError, ReadTimeout...). Any other answer is
      returned at once; so is the last answer when the retries are used up,
      and the last TransportError is raised again.
    - waiting first with self.sleep (never time.sleep itself): the Retry-After
      of the answer when it has a usable one (retry_after(header, self.now())),
      else backoff * 2 ** n where n counts the retries made so far: 0.5, 1, 2...
      A Retry-After longer than max_delay is not waited for: that answer is
      returned at once (the caller decides; a client must not hang for an hour).
      Exactly max_delay is still waited for. backoff=0 means no wait.
    - an answer that is thrown away for a retry is closed first
      (response.close()): it holds a pooled connection.
    close() closes inner.
"""
import time
from collections.abc import Callable
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime  # noqa: F401

import httpx

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({429, 502, 503, 504})


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def retry_after(value: str | None, now: datetime) -> float | None:
    # TODO: digits -> seconds; an HTTP date -> seconds from now (at least 0); else None.
    raise NotImplementedError


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
        # TODO: send, and retry only what is safe to retry.
        raise NotImplementedError

    def close(self) -> None:
        self.inner.close()
