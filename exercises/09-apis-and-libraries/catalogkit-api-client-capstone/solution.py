"""The Catalog API client: catalogkit's parts behind three typed methods."""
import logging
import time
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

import httpx

from catalogkit import ApiError, Book, RetryTransport, book_payload, parse_book
from catalogkit.retry import utc_now

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=3.0)
logger = logging.getLogger("catalogkit.client")


class CatalogClient:
    def __init__(
        self,
        base_url: str,
        auth: httpx.Auth,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        retrying = RetryTransport(transport or httpx.HTTPTransport(), sleep=sleep, now=now)
        self.http = httpx.Client(base_url=base_url, auth=auth, transport=retrying, timeout=timeout)

    def __enter__(self) -> "CatalogClient":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.http.close()

    def _send(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self.http.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            raise ApiError(f"{method} {path} failed: {exc}") from exc
        logger.debug("%s %s -> %d", method, path, response.status_code)
        if not 200 <= response.status_code < 300:
            raise ApiError(f"{method} {path} returned {response.status_code}", response.status_code)
        try:
            return response.json()
        except ValueError:
            raise ApiError(f"{method} {path} returned a body that is not JSON", response.status_code) from None

    def get_book(self, book_id: int) -> Book:
        return parse_book(self._send("GET", f"/books/{book_id}"))

    def search_books(self, query: str) -> list[Book]:
        body = self._send("GET", "/books", params={"q": query})
        if not isinstance(body, dict) or not isinstance(body.get("items"), list):
            raise ApiError("GET /books returned no items list")
        return [parse_book(item) for item in body["items"]]

    def create_book(self, title: str, price: Decimal, *, idempotency_key: str) -> Book:
        return parse_book(
            self._send("POST", "/books", json=book_payload(title, price), headers={"Idempotency-Key": idempotency_key})
        )
