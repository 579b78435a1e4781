"""OAuth 2.0 authorization code flow with PKCE (RFC 7636), a state check, and early refresh.

How an app logs a user in with their account elsewhere ("Sign in with ..."):

  1. start(): the app makes a random code_verifier and keeps it, and sends the
     user's browser to the authorization server with its SHA-256 hash, the
     code_challenge, and a random state:
        https://auth.example.com/authorize?response_type=code&client_id=app
          &redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&scope=read
          &state=...&code_challenge=...&code_challenge_method=S256
  2. the user logs in there; the browser comes back to
        https://app.example.com/callback?code=abc&state=<the same state>
  3. finish(callback_url): the app checks the state, then swaps the code,
     together with the code_verifier, for tokens (POST to the token URL).
  The verifier proves that whoever swaps the code is whoever started the
  login (a stolen code is useless without it); the state proves that the
  callback belongs to a login this app started (no forged logins, CSRF).

1. b64url(data) -> base64url text without "=" padding.
   code_challenge(verifier) -> b64url(SHA-256 of the verifier's ASCII bytes).
   RFC 7636 Appendix B: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
   -> "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM". A verifier that is not
   43 to 128 characters of A-Z a-z 0-9 - . _ ~ raises ValueError.

2. add_query(url, params) -> url with the params urlencoded and added to its
   query: a query already there ("?tenant=acme") is kept, values are encoded
   ("https://app/cb?x=1" becomes "https%3A%2F%2Fapp%2Fcb%3Fx%3D1").

3. PkceClient(http, *, authorize_url, token_url, client_id, redirect_uri,
              clock=time.monotonic, token_bytes=secrets.token_bytes)
   - start(scope) -> the authorization URL: add_query(authorize_url, ...) with
     response_type=code, client_id, redirect_uri, scope, state,
     code_challenge, code_challenge_method=S256, in that order. A NEW
     verifier = b64url(token_bytes(32)) and then state = b64url(token_bytes(16))
     for every call (never random.random; tests pass a fake token_bytes), and
     the verifier is remembered under its state: two logins may be under way
     at once, in two tabs, and finish in either order.
   - finish(callback_url) -> Tokens. Read the callback's query; its state
     must be one that start() handed out and that has not been used yet
     (each is used once, also when the login fails), else
     AuthError("unknown or already used state: ..."). Then an error=...
     parameter raises AuthError("authorization denied: access_denied"), no
     code raises AuthError("the callback has no code"). Else POST a form to
     token_url: grant_type=authorization_code, code, redirect_uri, client_id,
     code_verifier.
   - refresh(tokens) -> new Tokens: POST grant_type=refresh_token,
     refresh_token, client_id. A tokens.refresh_token of None raises
     AuthError("no refresh token: log in again") without a request.
   - fresh(tokens, margin=60.0) -> tokens as they are while
     clock() < expires_at - margin, else refresh(tokens): refresh a little
     before expiry, never with a token that dies in flight (margin=0 means at
     expiry exactly).
   Token answers: sent_at = clock() just before the POST; a 200 gives
   Tokens(access_token, refresh_token, sent_at + expires_in), where a missing
   refresh_token keeps the one the refresh used (the server may rotate it or
   not). Another status raises AuthError("token endpoint returned 400:
   invalid_grant") with the JSON "error" field, or "no error code" when the
   body has none or is not JSON.
"""

import base64  # noqa: F401
import hashlib  # noqa: F401
import secrets
import string
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit  # noqa: F401

import httpx

VERIFIER_CHARS = frozenset(string.ascii_letters + string.digits + "-._~")


class AuthError(Exception):
    """The login or the refresh failed; the message says why."""


def b64url(data: bytes) -> str:
    # TODO
    raise NotImplementedError


def code_challenge(verifier: str) -> str:
    # TODO: check the verifier, then b64url(sha256(verifier)).
    raise NotImplementedError


def add_query(url: str, params: dict[str, str]) -> str:
    # TODO: urlsplit, join the old query and urlencode(params), urlunsplit.
    raise NotImplementedError


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
        self._pending: dict[str, str] = {}  # state -> code_verifier of each login under way

    def start(self, scope: str) -> str:
        # TODO
        raise NotImplementedError

    def finish(self, callback_url: str) -> Tokens:
        # TODO
        raise NotImplementedError

    def refresh(self, tokens: Tokens) -> Tokens:
        # TODO
        raise NotImplementedError

    def fresh(self, tokens: Tokens, margin: float = 60.0) -> Tokens:
        # TODO
        raise NotImplementedError
