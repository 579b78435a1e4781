"""An HS256 JSON Web Token, built and checked with hmac, hashlib, base64 and json."""

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
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hs256_signature(signing_input: bytes, key: bytes) -> str:
    return b64url_encode(hmac.new(key, signing_input, hashlib.sha256).digest())


def _segment(obj: dict[str, Any]) -> str:
    return b64url_encode(json.dumps(obj, separators=(",", ":")).encode("utf-8"))


def encode_hs256(claims: dict[str, Any], key: bytes) -> str:
    signing_input = f"{_segment(HEADER)}.{_segment(claims)}"
    return f"{signing_input}.{hs256_signature(signing_input.encode('ascii'), key)}"


def decode_hs256(
    token: str,
    key: bytes,
    *,
    audience: str | None = None,
    clock: Callable[[], float] = time.time,
) -> dict[str, Any]:
    try:
        header_b64, payload_b64, signature_b64 = token.split(".")
        header = json.loads(b64url_decode(header_b64))
        claims = json.loads(b64url_decode(payload_b64))
        signing_input = f"{header_b64}.{payload_b64}".encode("ascii")
    except ValueError as exc:
        raise InvalidTokenError(f"malformed token: {exc}") from exc
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise InvalidTokenError("malformed token: header and payload must be JSON objects")

    # Check the algorithm before anything else: never let the token choose "none".
    if header.get("alg") != "HS256":
        raise InvalidTokenError(f"unsupported algorithm {header.get('alg')!r}: only HS256 is accepted")
    expected = hs256_signature(signing_input, key)
    if not hmac.compare_digest(expected.encode(), signature_b64.encode()):
        raise InvalidTokenError("bad signature")

    if "exp" in claims and clock() >= claims["exp"]:
        raise InvalidTokenError(f"token expired at {claims['exp']}")
    if audience is not None or "aud" in claims:
        aud = claims.get("aud", [])
        audiences = [aud] if isinstance(aud, str) else aud
        if audience not in audiences:
            raise InvalidTokenError(f"wrong audience: token is for {aud!r}, expected {audience!r}")
    return claims
