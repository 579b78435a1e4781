"""Issue and verify access tokens with PyJWT; fetch and cache them with OAuth2 client credentials."""

import time
from collections.abc import Callable
from typing import Any

import jwt
import requests

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ["exp", "iat", "iss", "aud", "sub"]


def issue_access_token(
    key: str,
    *,
    subject: str,
    audience: str,
    issuer: str,
    lifetime: int = 300,
    scope: str = "",
    now: int | None = None,
) -> str:
    issued_at = int(time.time()) if now is None else now
    claims: dict[str, Any] = {
        "iss": issuer,
        "sub": subject,
        "aud": audience,
        "iat": issued_at,
        "exp": issued_at + lifetime,
    }
    if scope:
        claims["scope"] = scope
    return jwt.encode(claims, key, algorithm=ALGORITHM)


def verify_access_token(token: str, key: str, *, audience: str, issuer: str) -> dict[str, Any]:
    return jwt.decode(
        token,
        key,
        algorithms=[ALGORITHM],
        audience=audience,
        issuer=issuer,
        options={"require": REQUIRED_CLAIMS},
    )


class TokenError(Exception):
    """The token endpoint did not give us a usable token."""


class ClientCredentials:
    def __init__(
        self,
        session: requests.Session,
        token_url: str,
        client_id: str,
        client_secret: str,
        *,
        scope: str | None = None,
        refresh_margin: float = 30,
        timeout: float = 10,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.session = session
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self.scope = scope
        self.refresh_margin = refresh_margin
        self.timeout = timeout
        self.clock = clock
        self._token = ""
        self._expires_at = 0.0

    def access_token(self) -> str:
        if not self._token or self.clock() >= self._expires_at - self.refresh_margin:
            self._fetch()
        return self._token

    def auth_header(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token()}"}

    def _fetch(self) -> None:
        form = {"grant_type": "client_credentials"}
        if self.scope:
            form["scope"] = self.scope
        sent_at = self.clock()
        response = self.session.post(
            self.token_url,
            data=form,
            auth=(self.client_id, self.client_secret),
            timeout=self.timeout,
        )
        try:
            body = response.json()
        except ValueError:
            body = {}
        if not response.ok:
            reason = body.get("error", f"status {response.status_code}")
            raise TokenError(f"token request failed: {reason}")
        if body.get("token_type", "").lower() != "bearer":
            raise TokenError(f"expected a Bearer token, got {body.get('token_type')!r}")
        token, expires_in = body.get("access_token"), body.get("expires_in")
        if not isinstance(token, str) or not token or not isinstance(expires_in, (int, float)):
            raise TokenError(f"malformed token response: {body!r}")
        self._token = token
        self._expires_at = sent_at + expires_in
