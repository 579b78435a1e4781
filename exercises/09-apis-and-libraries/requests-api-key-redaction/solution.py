"""An API key done right with requests: from the environment, only to its own origin, never in a log."""

import logging
import os
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

import requests
from requests.auth import AuthBase

ENV_VAR = "CATALOG_API_KEY"
HEADER = "X-Api-Key"
DEFAULT_PORTS = {"http": 80, "https": 443}


def load_api_key(environ: Mapping[str, str] = os.environ) -> str:
    key = environ.get(ENV_VAR, "").strip()
    if not key:
        raise RuntimeError(f"{ENV_VAR} is not set")
    return key


def origin(url: str) -> tuple[str, str | None, int | None]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, parts.hostname, parts.port or DEFAULT_PORTS.get(scheme)


class ApiKeyAuth(AuthBase):
    def __init__(self, key: str, api_url: str) -> None:
        self.key = key
        self.origin = origin(api_url)

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        if origin(str(request.url)) == self.origin:
            request.headers[HEADER] = self.key
        return request

    def __repr__(self) -> str:
        scheme, host, port = self.origin
        return f"ApiKeyAuth(origin='{scheme}://{host}:{port}', key='...{self.key[-4:]}')"


class ApiKeySession(requests.Session):
    def __init__(self, key: str, api_url: str) -> None:
        super().__init__()
        self.auth = ApiKeyAuth(key, api_url)

    def rebuild_auth(self, prepared_request: requests.PreparedRequest, response: requests.Response) -> None:
        super().rebuild_auth(prepared_request, response)
        if origin(str(prepared_request.url)) != self.auth.origin:
            prepared_request.headers.pop(HEADER, None)


class RedactingFilter(logging.Filter):
    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = sorted((secret for secret in secrets if secret), key=len, reverse=True)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        for secret in self.secrets:
            message = message.replace(secret, "[REDACTED]")
        record.msg, record.args = message, ()
        return True
