"""Access tokens with PyJWT, and an OAuth2 client-credentials client that caches them.

Service-to-service calls use the OAuth2 "client credentials" grant (RFC 6749,
section 4.4): a service trades its client id and secret for a short-lived
access token at the authorization server's token endpoint, then sends
"Authorization: Bearer <token>" to the API. The API checks the token.

Part 1, the API side, with PyJWT (`import jwt`):

- issue_access_token(key, subject=, audience=, issuer=, lifetime=300, scope="", now=None)
  returns an HS256 JWT with the claims iss, sub, aud, iat (= now, or
  int(time.time()) when now is None), exp (= iat + lifetime), and "scope" only
  when scope is not empty.
- verify_access_token(token, key, audience=, issuer=) returns the claims, or
  lets PyJWT raise: jwt.ExpiredSignatureError, jwt.InvalidAudienceError,
  jwt.InvalidIssuerError, jwt.InvalidSignatureError, jwt.InvalidAlgorithmError
  (anything but HS256, think "none"), and jwt.MissingRequiredClaimError when
  one of REQUIRED_CLAIMS is absent: by default PyJWT happily accepts a token
  that has no "exp" at all, and it never expires.

Part 2, the caller side: ClientCredentials(session, token_url, client_id,
client_secret, scope=None, refresh_margin=30, timeout=10, clock=time.monotonic).

- access_token() returns the cached token, and first fetches a new one when
  there is none yet or when clock() >= expiry - refresh_margin (refresh a
  little BEFORE expiry, so a token never dies in the middle of a request).
- Fetching: session.post(token_url, data={"grant_type": "client_credentials"}
  plus "scope" when given, auth=(client_id, client_secret), timeout=timeout).
  A good answer is JSON like
      {"access_token": "eyJ...", "token_type": "Bearer", "expires_in": 300}
  and expiry = the clock() reading taken just BEFORE posting + expires_in
  (the server started counting when it got the request, not when we got
  the answer).
- A 4xx/5xx answer raises TokenError("token request failed: invalid_client"),
  using the JSON "error" field, or "token request failed: status 500" when the
  body has none. A token_type other than "Bearer" (in any letter case) raises
  TokenError("expected a Bearer token, got 'mac'"). A good answer without a
  non-empty string "access_token" or a numeric "expires_in" raises
  TokenError("malformed token response ..."). Nothing is cached after an
  error: the next call asks the endpoint again.
- 0 is a real value everywhere: refresh_margin=0 refreshes exactly at expiry,
  now=0 means 1970-01-01 and lifetime=0 a token that expires as it is issued.
- auth_header() returns {"Authorization": "Bearer <access_token()>"}.

    creds = ClientCredentials(requests.Session(), "https://auth.example.com/oauth/token",
                              "reports-service", "s3cret")
    requests.get("https://api.example.com/reports", headers=creds.auth_header(), timeout=10)
"""

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
    # TODO: build the claims and jwt.encode them with ALGORITHM.
    raise NotImplementedError


def verify_access_token(token: str, key: str, *, audience: str, issuer: str) -> dict[str, Any]:
    # TODO: jwt.decode with algorithms, audience, issuer and the required claims.
    raise NotImplementedError


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
        # TODO: fetch when there is no token or it is about to expire; return the cached one.
        raise NotImplementedError

    def auth_header(self) -> dict[str, str]:
        # TODO
        raise NotImplementedError
