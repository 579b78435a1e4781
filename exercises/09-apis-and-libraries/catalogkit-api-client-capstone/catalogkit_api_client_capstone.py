"""Capstone: a small typed client for the Catalog API, in a package.

    catalogkit/errors.py   ApiError, AuthError                     (done)
    catalogkit/models.py   parse_book, book_payload: JSON in and out
    catalogkit/retry.py    retry_after, RetryTransport: safe retries
    catalogkit/auth.py     ClientCredentialsAuth: OAuth2 tokens, refreshed early
    this file              CatalogClient: the three put behind typed methods

Each part has its own docstring and its own tests; do them in that order (the
tests are grouped the same way), then this file, which only glues them:

    auth = ClientCredentialsAuth("https://auth.example.com/oauth/token", "shop", secret)
    with CatalogClient("https://catalog.example.com", auth) as catalog:
        book = catalog.get_book(7)                  # Book(id=7, title="Dune", price=Decimal("9.99"), ...)
        catalog.search_books("C++ & Rust")          # [Book, ...]
        catalog.create_book("Dune", Decimal("9.99"), idempotency_key="order-41-line-1")

CatalogClient(base_url, auth, *, transport=None, timeout=DEFAULT_TIMEOUT,
              sleep=time.sleep, now=utc_now)
- builds self.http = httpx.Client(base_url=..., auth=auth, timeout=timeout,
  transport=RetryTransport(transport or httpx.HTTPTransport(), sleep=sleep, now=now)).
  Always a timeout (DEFAULT_TIMEOUT: 10 s, 3 s to connect): a client without
  one waits for ever on a server that stops answering.
- get_book(book_id) -> parse_book of GET /books/<book_id>.
- search_books(query) -> [parse_book(item) for each of the answer's "items"]
  of GET /books with the query parameter q=query. Pass it as params= and let
  httpx encode it: "C++ & Rust #1" built into the URL by hand becomes q=C++ ,
  a second parameter and a fragment. An answer without an "items" list raises
  ApiError("GET /books returned no items list").
- create_book(title, price, *, idempotency_key) -> parse_book of the answer to
  POST /books with json=book_payload(title, price) and the header
  Idempotency-Key: idempotency_key (which is also what lets RetryTransport
  retry this POST safely: the server carries out one key only once).
- every call: a non-2xx answer raises ApiError("GET /books/7 returned 404")
  with .status 404 (method and path as passed to httpx); a body that is not
  JSON raises ApiError("... returned a body that is not JSON"); an
  httpx.TransportError raises ApiError(f"GET /books/7 failed: {exc}") from it.
  After each answer, log at DEBUG on logger "catalogkit.client":
  "GET /books/7 -> 200" (method, path, status; never headers).
- a context manager: `with CatalogClient(...) as c:` closes self.http at the end.
"""
import logging
import time
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

import httpx

from catalogkit import ApiError, Book, RetryTransport, book_payload, parse_book  # noqa: F401
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
        # TODO: self.http = httpx.Client(...) with the RetryTransport and the timeout.
        raise NotImplementedError

    def __enter__(self) -> "CatalogClient":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.http.close()

    def get_book(self, book_id: int) -> Book:
        # TODO
        raise NotImplementedError

    def search_books(self, query: str) -> list[Book]:
        # TODO: params={"q": query}
        raise NotImplementedError

    def create_book(self, title: str, price: Decimal, *, idempotency_key: str) -> Book:
        # TODO: POST with json= and the Idempotency-Key header
        raise NotImplementedError
