"""Build and check an HS256 JSON Web Token by hand (RFC 7515 and RFC 7519).

A JWT is three base64url segments joined by dots:

    BASE64URL(header JSON) . BASE64URL(claims JSON) . BASE64URL(signature)

base64url is base64 with "-" and "_" instead of "+" and "/", and with the "="
padding removed. For HS256 the signature is HMAC-SHA256, keyed with a shared
secret, over the ASCII bytes of the first two segments and the dot between them.

1. b64url_encode(data) -> str without padding;  b64url_encode(b"\\xfb\\xff") == "-_8"
   b64url_decode(text) -> bytes; puts the missing "=" back before decoding.

2. hs256_signature(signing_input, key) -> the base64url HMAC-SHA256 signature.
   RFC 7515 Appendix A.1 signs
       b"eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
   with the key b64url_decode("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow")
   and gets "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".

3. encode_hs256(claims, key) -> token. The header is HEADER; both header and
   claims are written as compact JSON: json.dumps(obj, separators=(",", ":")),
   UTF-8 encoded. (PyJWT writes exactly the same bytes, so the tokens match.)

4. decode_hs256(token, key, audience=None, clock=time.time) -> the claims dict,
   or InvalidTokenError (a ValueError) whose message says why, checked in order:
   - not three segments of base64url JSON objects  -> "malformed token ..."
   - header "alg" is not exactly "HS256" (think "none", "hs256")
                    -> "unsupported algorithm 'none' ..." (the repr of the alg)
   - the signature does not match (compare with hmac.compare_digest, which takes
     the same time whatever differs; a signature that is not ASCII simply does
     not match)                                      -> "bad signature"
   - "exp" present and clock() >= exp (exp 0 is a time too, long past)
                                                     -> "token expired ..."
   - if audience is given (even ""), or the token has an "aud" claim, the
     token's "aud" (a string or a list of strings) must be audience or contain
     it as one whole item: equality, never a substring ("billing-api" is not
     "api")                                          -> "wrong audience ..."
   So a forged token is refused as "bad signature" even when it is also
   expired or for another audience. clock is called instead of time.time, so
   tests can fix "now" (and a clock that says 0 means 1970, not "ask the OS").
"""

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from typing import Any

HEADER = {"alg": "HS256", "typ": "JWT"}


class InvalidTokenError(ValueError):
    """The token must not be trusted; the message says why."""


def b64url_encode(data: bytes) -> str:
    # TODO: base64.urlsafe_b64encode, then strip the "=" padding.
    raise NotImplementedError


def b64url_decode(text: str) -> bytes:
    # TODO: add the padding back, then base64.urlsafe_b64decode.
    raise NotImplementedError


def hs256_signature(signing_input: bytes, key: bytes) -> str:
    # TODO: hmac.new(key, signing_input, hashlib.sha256), base64url of the digest.
    raise NotImplementedError


def encode_hs256(claims: dict[str, Any], key: bytes) -> str:
    # TODO: header segment, claims segment, signature of "header.claims".
    raise NotImplementedError


def decode_hs256(
    token: str,
    key: bytes,
    *,
    audience: str | None = None,
    clock: Callable[[], float] = time.time,
) -> dict[str, Any]:
    # TODO: split and decode, then check alg, signature, exp and aud in that order.
    raise NotImplementedError
