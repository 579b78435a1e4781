"""A REST client that survives a busy server and walks through every page.

Real APIs answer "429 Too Many Requests" or "503 Service Unavailable" when they
are busy, often with a header saying how long to wait (`Retry-After: 2`), and
hand out long lists one page at a time:

    GET https://api.example.com/books
    -> {"items": [{"id": 1}, {"id": 2}], "next": "https://api.example.com/books?page=2"}
    GET https://api.example.com/books?page=2
    -> {"items": [{"id": 3}], "next": null}

    client = ApiClient(requests.Session())
    [book["id"] for book in client.iter_items("https://api.example.com/books")]  # [1, 2, 3]

1. retry_delay(response, attempt, backoff) -> seconds to wait before the next
   try. If Retry-After holds a whole number of seconds in ASCII digits ("2",
   "0"), that number; otherwise (missing, "1.5", an HTTP date, "²" or "٣",
   which str.isdigit() also calls digits...) exponential back-off:
   backoff * 2 ** attempt, where attempt is 0 for the first retry: 0.5, 1, 2, 4 ...

2. ApiClient(session, max_retries=3, backoff=0.5, timeout=10, sleep=time.sleep)
   keeps its arguments (max_retries < 0 raises ValueError("max_retries must
   not be negative")). It never calls time.sleep directly, only self.sleep, so
   tests can pass a fake that records the delays instead of waiting.

3. get_json(url): session.get(url, timeout=self.timeout). On 429 or 503 it
   sleeps retry_delay(...) and tries again, at most max_retries times (so at
   most max_retries + 1 requests). Then:
   - a 2xx answer returns response.json();
   - any other status (also a 429/503 after the last retry, and a 3xx that
     requests did not follow, such as 304: response.ok is True for those) raises
     ApiError("GET <url> returned 404") with .status == 404; no retry for 4xx/5xx
     other than 429 and 503;
   - a 2xx body that is not JSON raises ApiError("GET <url> returned a body that is not JSON");
   - a requests.RequestException (connection refused, timeout...) raises
     ApiError("GET <url> failed: ...") chained with `from exc`.

4. iter_items(url) is a generator: it yields the items of each page and
   follows "next" until it is null or missing, fetching a page only when the
   caller needs its items; a page with no items but a "next" is not the end.
   A relative "next" ("?page=2", "/books?page=2", "3", "../archive",
   "//cdn.example.com/books") is resolved against the URL of the page it came
   from, the way a browser does (urljoin), not against the first URL. A "next"
   that points to ANY page already fetched (not only the first or the
   previous one) raises ApiError("pagination loop: ..."). A "next" that
   leaves the API (another scheme, host or port than the first URL, as
   urlsplit reads them: "https://api.example.com.evil.org/...",
   "https://api.example.com@evil.org/", "http://..." are all elsewhere;
   host names are case-insensitive) raises ApiError("pagination leaves the
   API: ...") before anything is sent there: the session may carry
   credentials meant for the API alone.
"""

import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

RETRY_STATUSES = frozenset({429, 503})


class ApiError(Exception):
    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


def retry_delay(response: requests.Response, attempt: int, backoff: float) -> float:
    # TODO: Retry-After if it is a whole number of seconds, else backoff * 2 ** attempt.
    raise NotImplementedError


class ApiClient:
    def __init__(
        self,
        session: requests.Session,
        *,
        max_retries: int = 3,
        backoff: float = 0.5,
        timeout: float = 10,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        # TODO: refuse a negative max_retries.
        self.session = session
        self.max_retries = max_retries
        self.backoff = backoff
        self.timeout = timeout
        self.sleep = sleep

    def get_json(self, url: str) -> Any:
        # TODO: retry loop on RETRY_STATUSES, then turn failures into ApiError.
        raise NotImplementedError

    def iter_items(self, url: str) -> Iterator[Any]:
        # TODO: yield every item of every page, following "next" with urljoin.
        raise NotImplementedError
