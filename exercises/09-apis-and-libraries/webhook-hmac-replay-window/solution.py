"""Verify a signed webhook delivery: HMAC-SHA256 over the raw body, and a replay window."""

import hashlib
import hmac
import json
from typing import Any


class SignatureError(ValueError):
    """The delivery must not be trusted; the message says why."""


def _digest(secret: bytes, body: bytes, timestamp: int) -> str:
    signed = f"{timestamp}.".encode("ascii") + body
    return hmac.new(secret, signed, hashlib.sha256).hexdigest()


def sign(secret: bytes, body: bytes, timestamp: int) -> str:
    return f"t={timestamp},v1={_digest(secret, body, timestamp)}"


def parse_header(header: str) -> tuple[int, list[str]]:
    stamps: list[str] = []
    signatures: list[str] = []
    for item in header.split(","):
        key, sep, value = item.strip().partition("=")
        if not sep:
            raise SignatureError(f"malformed signature header: {item!r} is not key=value")
        if key == "t":
            stamps.append(value)
        elif key == "v1":
            signatures.append(value)
    if len(stamps) != 1 or not (stamps[0].isascii() and stamps[0].isdigit()):
        raise SignatureError("malformed signature header: it needs exactly one t=<whole seconds>")
    if not signatures:
        raise SignatureError("malformed signature header: no v1 signature")
    return int(stamps[0]), signatures


def verify(secret: bytes, body: bytes, header: str, *, now: int, tolerance: int = 300) -> Any:
    timestamp, signatures = parse_header(header)
    expected = _digest(secret, body, timestamp).encode("ascii")
    if not any(hmac.compare_digest(expected, signature.encode()) for signature in signatures):
        raise SignatureError("no matching signature")
    if abs(now - timestamp) > tolerance:
        raise SignatureError(f"timestamp outside the tolerance of {tolerance} s")
    return json.loads(body)
