"""Passwords and tokens."""
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
    try:
        scheme, n, salt_hex, key_hex = stored.split("$")
        expected = bytes.fromhex(key_hex)
        key = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt_hex), n=int(n), r=8, p=1, dklen=32)
    except ValueError:
        return False
    return scheme == "scrypt" and hmac.compare_digest(key, expected)


def create_token(username: str, secret: str, minutes: int, now: datetime | None = None) -> str:
    now = now or datetime.now(timezone.utc)
    claims = {"sub": username, "iat": now, "exp": now + timedelta(minutes=minutes)}
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def read_token(token: str, secret: str) -> str:
    try:
        claims = jwt.decode(token, secret, algorithms=[ALGORITHM], options={"require": ["exp", "sub"]})
    except jwt.PyJWTError as error:
        raise InvalidToken(str(error)) from None
    return claims["sub"]
