"""OAuth2 client credentials (RFC 6749 section 4.4) as an httpx.Auth."""
import base64
import logging
import time
from collections.abc import Callable, Generator

import httpx

from catalogkit.errors import AuthError

logger = logging.getLogger("catalogkit.auth")


class ClientCredentialsAuth(httpx.Auth):
    requires_response_body = True

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        *,
        refresh_margin: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self._client_secret = client_secret
        self.refresh_margin = refresh_margin
        self.clock = clock
        self._token: str | None = None
        self._expires_at = 0.0

    def __repr__(self) -> str:
        return f"ClientCredentialsAuth(token_url={self.token_url!r}, client_id={self.client_id!r})"

    def _token_request(self) -> httpx.Request:
        credentials = base64.b64encode(f"{self.client_id}:{self._client_secret}".encode()).decode("ascii")
        return httpx.Request(
            "POST",
            self.token_url,
            data={"grant_type": "client_credentials"},
            headers={"Authorization": f"Basic {credentials}"},
        )

    def _store(self, response: httpx.Response, sent_at: float) -> None:
        if response.status_code != 200:
            raise AuthError(f"token endpoint returned {response.status_code}", response.status_code)
        try:
            body = response.json()
        except ValueError:
            raise AuthError("token endpoint returned a body that is not JSON") from None
        token = body.get("access_token") if isinstance(body, dict) else None
        lifetime = body.get("expires_in") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token or type(lifetime) is not int:
            raise AuthError("token endpoint returned no usable access_token and expires_in")
        self._token = token
        self._expires_at = sent_at + lifetime
        logger.info("new access token for %s, valid for %d s", self.client_id, lifetime)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._token is None or self.clock() >= self._expires_at - self.refresh_margin:
            sent_at = self.clock()
            self._store((yield self._token_request()), sent_at)
        request.headers["Authorization"] = f"Bearer {self._token}"
        response = yield request
        if response.status_code == 401:
            sent_at = self.clock()
            self._store((yield self._token_request()), sent_at)
            request.headers["Authorization"] = f"Bearer {self._token}"
            yield request
