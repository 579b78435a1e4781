"""Log users in safely: salted scrypt hashes, HMAC-signed sessions, role checks."""
import functools
import hashlib
import hmac
import os
from collections.abc import Callable
from typing import Any


class InvalidToken(Exception):
    """The session token was forged, tampered with or is malformed."""


def hash_password(password: str, salt: bytes | None = None, n: int = 2**14) -> str:
    if not password:
        raise ValueError("password must not be empty")
    if salt is None:
        salt = os.urandom(16)
    key = hashlib.scrypt(password.encode(), salt=salt, n=n, r=8, p=1, dklen=32)
    return f"scrypt${n}${salt.hex()}${key.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, salt_hex, key_hex = stored.split("$")
        n_value, salt, expected = int(n), bytes.fromhex(salt_hex), bytes.fromhex(key_hex)
    except ValueError:
        raise ValueError(f"malformed password hash: {stored!r}") from None
    if scheme != "scrypt":
        raise ValueError(f"malformed password hash: unknown scheme {scheme!r}")
    key = hashlib.scrypt(password.encode(), salt=salt, n=n_value, r=8, p=1, dklen=len(expected))
    return hmac.compare_digest(key, expected)


def _signature(payload: str, secret: bytes) -> str:
    return hmac.new(secret, payload.encode(), hashlib.sha256).hexdigest()


def sign_session(user: str, role: str, secret: bytes) -> str:
    for value in (user, role):
        if not value or ":" in value or "." in value:
            raise ValueError(f"user and role must be non-empty without ':' or '.', got {value!r}")
    payload = f"{user}:{role}"
    return f"{payload}.{_signature(payload, secret)}"


def read_session(token: str, secret: bytes) -> dict[str, str]:
    payload, dot, signature = token.rpartition(".")
    expected = _signature(payload, secret)
    if not dot or not hmac.compare_digest(signature.encode(), expected.encode()):
        raise InvalidToken("bad session signature")
    user, _, role = payload.partition(":")
    return {"user": user, "role": role}


def require_role(*allowed: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def wrapper(session: dict[str, str] | None, *args: Any, **kwargs: Any) -> Any:
            if session is None:
                raise PermissionError("login required")
            if session["role"] not in allowed:
                raise PermissionError(
                    f"role {session['role']!r} may not call {view.__name__}; needs one of {allowed}"
                )
            return view(session, *args, **kwargs)

        return wrapper

    return decorator
