"""OAuth2 client credentials (RFC 6749 section 4.4) as an httpx.Auth.

A service that calls the Catalog API proves who it is with a client id and a
client secret, swaps them at the token endpoint for a short-lived access token,
and sends that token with every request:

    POST /oauth/token                         200 {"access_token": "tok-1",
    Authorization: Basic base64(id:secret)         "token_type": "Bearer",
    grant_type=client_credentials   (form)         "expires_in": 3600}
    GET /books/7
    Authorization: Bearer tok-1

httpx lets an Auth class do this: auth_flow(request) is a generator; each
`response = yield some_request` has the client send some_request and hands
back its answer. (requires_response_body = True makes the token answer
readable.)

ClientCredentialsAuth(token_url, client_id, client_secret, *,
                      refresh_margin=30.0, clock=time.monotonic)
- _token_request() -> the httpx.Request above: POST to token_url, form body
  grant_type=client_credentials, and the header
  "Authorization: Basic " + base64(f"{client_id}:{client_secret}" as UTF-8).
  The secret goes nowhere else: not in the URL, not in a log.
- auth_flow(request):
  1. if there is no token yet, or clock() >= expires_at - refresh_margin
     (refresh a little BEFORE it expires, so it does not expire in flight;
     refresh_margin=0 means at expiry), fetch one: read sent_at = clock()
     just before, yield the token request, and store the answer (below);
  2. set request.headers["Authorization"] = "Bearer <token>" and yield it;
  3. if that answer is 401 (the token was revoked early), fetch a new token
     the same way and send the request once more with it; whatever that
     second answer is, it is the answer (never a loop).
- storing a token answer: it must be a 200 whose JSON has a non-empty str
  "access_token" and an int "expires_in"; then expires_at = sent_at + expires_in
  and log at INFO on logger "catalogkit.auth":
      "new access token for <client_id>, valid for <expires_in> s"
  Otherwise raise AuthError (keeping no token): "token endpoint returned 401"
  with .status 401 for any status but 200 (a 201, or a 302 to a login page,
  too), "token endpoint returned a body that is
  not JSON", or "token endpoint returned no usable access_token and expires_in".
  No message, log line or repr ever holds the secret or a token.
- repr(auth) -> "ClientCredentialsAuth(token_url='...', client_id='...')".
"""
import base64  # noqa: F401
import logging
import time
from collections.abc import Callable, Generator

import httpx

from catalogkit.errors import AuthError  # noqa: F401

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
        # TODO: name token_url and client_id only.
        raise NotImplementedError

    def _token_request(self) -> httpx.Request:
        # TODO: POST token_url, grant_type=client_credentials, HTTP Basic credentials.
        raise NotImplementedError

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        # TODO: token when needed, Bearer header, one new token and one resend on a 401.
        raise NotImplementedError
        yield request  # (makes this a generator until you write it)
