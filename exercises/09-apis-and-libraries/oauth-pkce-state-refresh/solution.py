"""OAuth 2.0 authorization code flow with PKCE (RFC 7636), a state check, and early refresh."""

import base64
import hashlib
import secrets
import string
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx

VERIFIER_CHARS = frozenset(string.ascii_letters + string.digits + "-._~")


class AuthError(Exception):
    """The login or the refresh failed; the message says why."""


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def code_challenge(verifier: str) -> str:
    if not 43 <= len(verifier) <= 128 or not set(verifier) <= VERIFIER_CHARS:
        raise ValueError("a code_verifier is 43 to 128 characters of A-Z a-z 0-9 - . _ ~")
    return b64url(hashlib.sha256(verifier.encode("ascii")).digest())


def add_query(url: str, params: dict[str, str]) -> str:
    parts = urlsplit(url)
    query = "&".join(filter(None, [parts.query, urlencode(params)]))
    return urlunsplit(parts._replace(query=query))


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str | None
    expires_at: float


class PkceClient:
    def __init__(
        self,
        http: httpx.Client,
        *,
        authorize_url: str,
        token_url: str,
        client_id: str,
        redirect_uri: str,
        clock: Callable[[], float] = time.monotonic,
        token_bytes: Callable[[int], bytes] = secrets.token_bytes,
    ) -> None:
        self.http = http
        self.authorize_url = authorize_url
        self.token_url = token_url
        self.client_id = client_id
        self.redirect_uri = redirect_uri
        self.clock = clock
        self.token_bytes = token_bytes
        self._pending: dict[str, str] = {}

    def start(self, scope: str) -> str:
        verifier = b64url(self.token_bytes(32))
        state = b64url(self.token_bytes(16))
        self._pending[state] = verifier
        return add_query(
            self.authorize_url,
            {
                "response_type": "code",
                "client_id": self.client_id,
                "redirect_uri": self.redirect_uri,
                "scope": scope,
                "state": state,
                "code_challenge": code_challenge(verifier),
                "code_challenge_method": "S256",
            },
        )

    def finish(self, callback_url: str) -> Tokens:
        params = {name: values[0] for name, values in parse_qs(urlsplit(callback_url).query).items()}
        verifier = self._pending.pop(params.get("state", ""), None)
        if verifier is None:
            raise AuthError("unknown or already used state: not a login this client started")
        if "error" in params:
            raise AuthError(f"authorization denied: {params['error']}")
        if "code" not in params:
            raise AuthError("the callback has no code")
        form = {
            "grant_type": "authorization_code",
            "code": params["code"],
            "redirect_uri": self.redirect_uri,
            "client_id": self.client_id,
            "code_verifier": verifier,
        }
        return self._token_request(form, previous_refresh=None)

    def refresh(self, tokens: Tokens) -> Tokens:
        if tokens.refresh_token is None:
            raise AuthError("no refresh token: log in again")
        form = {"grant_type": "refresh_token", "refresh_token": tokens.refresh_token, "client_id": self.client_id}
        return self._token_request(form, previous_refresh=tokens.refresh_token)

    def fresh(self, tokens: Tokens, margin: float = 60.0) -> Tokens:
        if self.clock() >= tokens.expires_at - margin:
            return self.refresh(tokens)
        return tokens

    def _token_request(self, form: dict[str, str], previous_refresh: str | None) -> Tokens:
        sent_at = self.clock()
        response = self.http.post(self.token_url, data=form)
        try:
            body: Any = response.json()
        except ValueError:
            body = {}
        if response.status_code != 200:
            error = body.get("error", "no error code") if isinstance(body, dict) else "no error code"
            raise AuthError(f"token endpoint returned {response.status_code}: {error}")
        return Tokens(body["access_token"], body.get("refresh_token", previous_refresh), sent_at + body["expires_in"])
