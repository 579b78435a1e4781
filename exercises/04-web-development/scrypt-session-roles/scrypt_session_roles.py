"""Authentication and authorization, the way a web app does it underneath.

1. hash_password(password, salt=None, n=2**14) -> str
   NEVER store a password. Store a slow, salted hash of it:
   key = hashlib.scrypt(password.encode(), salt=salt, n=n, r=8, p=1, dklen=32)
   and return "scrypt$<n>$<salt as hex>$<key as hex>". With no salt given,
   use 16 fresh random bytes (os.urandom), so equal passwords hash differently.
   An empty password raises ValueError("password must not be empty").
       hash_password("hunter2", salt=b"0123456789abcdef", n=1024)
       -> "scrypt$1024$30313233343536373839616263646566$<64 hex digits>"

2. verify_password(password, stored) -> bool
   Split the stored string on "$", hash the password again with the SAME n
   and salt, and compare with hmac.compare_digest (a plain == leaks, through
   its timing, how many leading bytes matched). A stored string that is not
   four "$"-separated parts starting with "scrypt" raises
   ValueError("malformed password hash ...").

3. sign_session(user, role, secret) -> "alice:admin.<hex HMAC-SHA256 of 'alice:admin'>"
   The browser keeps this token; it can read it but cannot forge it without
   the server's secret. user and role must be non-empty and contain no ':'
   or '.', else ValueError.
   read_session(token, secret) -> {"user": "alice", "role": "admin"}
   Recompute the signature of the part before the LAST '.', compare with
   hmac.compare_digest, and raise InvalidToken if it is missing or wrong.
   The token comes from the browser, so it may hold any character: compare
   bytes (.encode() both sides), as compare_digest refuses non-ASCII str.

4. require_role(*allowed) -> a decorator for views whose first argument is
   the session dict (or None when nobody is logged in).
   None -> PermissionError("login required"); a role not in allowed ->
   PermissionError("role 'viewer' may not call delete_post ..."); otherwise
   call the view. Keep the view's __name__ (functools.wraps).

       @require_role("admin", "editor")
       def delete_post(session, post_id): ...
"""
import functools
import hashlib
import hmac
import os
from collections.abc import Callable
from typing import Any


class InvalidToken(Exception):
    """The session token was forged, tampered with or is malformed."""


def hash_password(password: str, salt: bytes | None = None, n: int = 2**14) -> str:
    # TODO: reject "", pick a random salt if none, scrypt, format the string.
    raise NotImplementedError


def verify_password(password: str, stored: str) -> bool:
    # TODO: parse "scrypt$n$salt$key", re-hash, compare in constant time.
    raise NotImplementedError


def sign_session(user: str, role: str, secret: bytes) -> str:
    # TODO: validate, then "<user>:<role>.<hex signature>".
    raise NotImplementedError


def read_session(token: str, secret: bytes) -> dict[str, str]:
    # TODO: split off the signature, check it, return {"user": ..., "role": ...}.
    raise NotImplementedError


def require_role(*allowed: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    # TODO: a decorator factory: return a decorator that returns a wrapper.
    raise NotImplementedError
