"""Passwords and tokens.

hash_password (done) stores "scrypt$<n>$<salt hex>$<key hex>".

verify_password(password, stored) -> bool
    Re-hash `password` with the n and salt read from `stored` and compare
    the keys with hmac.compare_digest. A stored value that is not four
    "$"-separated parts of scheme "scrypt" (or has bad hex or a bad n)
    gives False, never an exception.

create_token(username, secret, minutes, now=None) -> a JWT signed with
    HS256 holding {"sub": username, "iat": now, "exp": now + minutes};
    now defaults to datetime.now(timezone.utc).

read_token(token, secret) -> the "sub" of a valid token. Decode with
    jwt.decode(..., algorithms=["HS256"]) (name the algorithm: never trust
    the one the token claims) and REQUIRE "exp" and "sub". A forged,
    tampered, expired or malformed token raises InvalidToken.
"""
from __future__ import annotations

import hashlib
import hmac
import os
from datetime import datetime, timedelta, timezone

import jwt

ALGORITHM = "HS256"


class InvalidToken(Exception):
    """The token is forged, expired or malformed."""


def hash_password(password: str, *, n: int = 2**14, salt: bytes | None = None) -> str:
    salt = os.urandom(16) if salt is None else salt
    key = hashlib.scrypt(password.encode(), salt=salt, n=n, r=8, p=1, dklen=32)
    return f"scrypt${n}${salt.hex()}${key.hex()}"


def verify_password(password: str, stored: str) -> bool:
    # TODO
    raise NotImplementedError


def create_token(username: str, secret: str, minutes: int, now: datetime | None = None) -> str:
    # TODO
    raise NotImplementedError


def read_token(token: str, secret: str) -> str:
    # TODO
    raise NotImplementedError
