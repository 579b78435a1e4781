"""An API key done right with requests: from the environment, only to its own origin, never in a log.

The Catalog API wants its key in a header on every request:

    GET https://api.example.com/books
    X-Api-Key: ck_live_9fQ2xZ7pL1

    session = ApiKeySession(load_api_key(), "https://api.example.com")
    session.get("https://api.example.com/books", timeout=10)

Where keys leak at work: committed in the code, pasted in a URL (?api_key=...
ends up in every proxy and access log), sent along to another host, and
printed in logs. So:

1. load_api_key(environ=os.environ) -> the value of CATALOG_API_KEY with
   spaces and newlines around it removed (keys pasted from a file end in
   "\\n"). Missing or blank raises RuntimeError("CATALOG_API_KEY is not set").

2. origin(url) -> (scheme, host, port) as urlsplit reads them: scheme and
   host lower-case (urlsplit's .hostname is, and it leaves out any
   "user@"), and the port filled in from DEFAULT_PORTS when the URL has none,
   so "https://API.example.com:443/x" and "https://api.example.com" are one
   origin. "https://api.example.com.evil.org", "https://api.example.com@evil.org",
   "http://api.example.com" and "https://api.example.com:8443" are others.

3. ApiKeyAuth(key, api_url), a requests AuthBase: calling it on a prepared
   request sets the X-Api-Key header ONLY when the request's origin is the
   API's origin (self.origin = origin(api_url)); to anything else the key is
   not sent. The key goes in the header, never in the URL.
   repr() -> "ApiKeyAuth(origin='https://api.example.com:443', key='...7pL1')":
   the last 4 characters at most, so a debug print or a traceback never shows it.

4. ApiKeySession(key, api_url), a requests.Session whose auth is
   ApiKeyAuth(key, api_url). requests follows redirects by copying the
   headers of the first request: it drops Authorization when a redirect
   leaves the host, but knows nothing of X-Api-Key. Override
   rebuild_auth(prepared_request, response) (the hook requests calls for
   each redirect): call super().rebuild_auth(...) first, then remove
   X-Api-Key when the new URL's origin is not the API's.

5. RedactingFilter(secrets), a logging.Filter: filter(record) replaces every
   secret in the record's final message (record.getMessage(), which fills in
   the %-arguments) with "[REDACTED]", stores it in record.msg with
   record.args = (), and returns True (the record is still logged).
   Longer secrets first, so a secret that contains another is not left half
   visible; empty strings in secrets are ignored.
"""

import logging
import os
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit  # noqa: F401

import requests
from requests.auth import AuthBase

ENV_VAR = "CATALOG_API_KEY"
HEADER = "X-Api-Key"
DEFAULT_PORTS = {"http": 80, "https": 443}


def load_api_key(environ: Mapping[str, str] = os.environ) -> str:
    # TODO
    raise NotImplementedError


def origin(url: str) -> tuple[str, str | None, int | None]:
    # TODO: (scheme, hostname, port or the scheme's default port)
    raise NotImplementedError


class ApiKeyAuth(AuthBase):
    def __init__(self, key: str, api_url: str) -> None:
        self.key = key
        self.origin = origin(api_url)

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        # TODO: the header only for the API's own origin.
        raise NotImplementedError

    def __repr__(self) -> str:
        # TODO: the origin and at most the last 4 characters of the key.
        raise NotImplementedError


class ApiKeySession(requests.Session):
    def __init__(self, key: str, api_url: str) -> None:
        super().__init__()
        self.auth = ApiKeyAuth(key, api_url)

    # TODO: rebuild_auth(self, prepared_request, response): super() first, then drop the key off-origin.


class RedactingFilter(logging.Filter):
    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        # TODO: keep the non-empty secrets, longest first.

    def filter(self, record: logging.LogRecord) -> bool:
        # TODO
        raise NotImplementedError
