"""A small REST client: retries with back-off, error handling, pagination."""

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
    retry_after = response.headers.get("Retry-After", "").strip()
    if retry_after.isascii() and retry_after.isdigit():
        return float(retry_after)
    return backoff * 2**attempt


def _origin(url: str) -> tuple[str, str | None, int | None]:
    parts = urlsplit(url)
    return parts.scheme, parts.hostname, parts.port


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
        if max_retries < 0:
            raise ValueError("max_retries must not be negative")
        self.session = session
        self.max_retries = max_retries
        self.backoff = backoff
        self.timeout = timeout
        self.sleep = sleep

    def _get(self, url: str) -> requests.Response:
        try:
            return self.session.get(url, timeout=self.timeout)
        except requests.RequestException as exc:
            raise ApiError(f"GET {url} failed: {exc}") from exc

    def get_json(self, url: str) -> Any:
        for attempt in range(self.max_retries + 1):
            response = self._get(url)
            if response.status_code not in RETRY_STATUSES or attempt == self.max_retries:
                break
            self.sleep(retry_delay(response, attempt, self.backoff))

        if not 200 <= response.status_code < 300:
            raise ApiError(f"GET {url} returned {response.status_code}", status=response.status_code)
        try:
            return response.json()
        except ValueError as exc:  # requests.JSONDecodeError is a ValueError
            raise ApiError(f"GET {url} returned a body that is not JSON") from exc

    def iter_items(self, url: str) -> Iterator[Any]:
        seen: set[str] = set()
        origin = _origin(url)
        next_url: str | None = url
        while next_url:
            if _origin(next_url) != origin:
                raise ApiError(f"pagination leaves the API: {next_url} is not on {url}'s scheme, host and port")
            if next_url in seen:
                raise ApiError(f"pagination loop: {next_url} was already fetched")
            seen.add(next_url)
            page = self.get_json(next_url)
            yield from page["items"]
            next_url = urljoin(next_url, page["next"]) if page.get("next") else None
