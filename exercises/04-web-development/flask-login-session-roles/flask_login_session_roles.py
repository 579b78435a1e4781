"""Log in, stay logged in, log out: server-side sessions and roles in Flask.

create_app(admin_password, *, clock=time.time, hash_method="scrypt") builds
an app whose state is app.extensions["auth"], an AuthState:
    users     {name: {"password_hash": ..., "role": "admin"|"editor"|"viewer"}}
              it starts with "admin" (role admin, the given password)
    sessions  {session id: {"user": name, "started": clock()}}

Passwords: store only generate_password_hash(password, method=hash_method)
(salted: equal passwords hash differently); check with check_password_hash.

POST /login  {"username", "password"} -> 200 {"user", "role"} and a cookie
     sid=<secrets.token_urlsafe(32)> with HttpOnly, Secure, SameSite=Lax,
     Path=/ and Max-Age=SESSION_SECONDS. The id is NEW on every login, and a
     session id the browser came with is deleted (never adopted: session
     fixation). Anything wrong (unknown user, wrong password, missing or
     non-string fields, not a JSON object) -> 401
     {"error": "invalid username or password"}, the same for every case.
Every request: the sid cookie names a session in `sessions`; it is valid
     while clock() - started < SESSION_SECONDS (an expired one is deleted).
     Its user's role is read from `users` on each request.
POST /logout -> 204; deletes the session from the SERVER (a copied cookie
     stops working) and clears the cookie (delete_cookie with the same flags).
GET /me -> 200 {"user", "role"} for anyone logged in.
GET /drafts -> 200 {"drafts": []} for admin and editor.
POST /users (admin) {"username", "password", "role"} -> 201 {"user", "role"};
     422 {"error": "username, a password of 8+ characters and a known role
     are required"} (username a non-blank str, password a str of >= 8,
     role in ROLES); 409 {"error": "user bob exists"}.
DELETE /users/<name> (admin) -> 204 and every session of that user ends;
     404 {"error": "user bob not found"}.
Not logged in -> 401 {"error": "login required"}; logged in with a role
that is not allowed -> 403 {"error": "forbidden"}. require_role(*roles)
does both for a view; require_role() with no roles only needs a login.

    >>> client = create_app("s3cret-pass").test_client()
    >>> client.post("/login", json={"username": "admin", "password": "s3cret-pass"}).json
    {'role': 'admin', 'user': 'admin'}
"""
from __future__ import annotations

import functools
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, g, jsonify, request
from werkzeug.security import check_password_hash, generate_password_hash

SESSION_COOKIE = "sid"
SESSION_SECONDS = 3600
ROLES = ("admin", "editor", "viewer")
COOKIE_FLAGS: dict[str, Any] = {"httponly": True, "secure": True, "samesite": "Lax"}


@dataclass
class AuthState:
    users: dict[str, dict[str, str]] = field(default_factory=dict)      # name -> {"password_hash", "role"}
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)   # sid -> {"user", "started"}


def require_role(*roles: str) -> Callable:
    """Decorate a view: 401 without a user (g.user is None), 403 for a role not in `roles`."""
    # TODO
    raise NotImplementedError


def create_app(admin_password: str, *, clock: Callable[[], float] = time.time,
               hash_method: str = "scrypt") -> Flask:
    app = Flask(__name__)
    state = AuthState()
    app.extensions["auth"] = state
    # TODO: the admin user

    @app.before_request
    def load_user() -> None:
        g.user = None
        # TODO: find the session of the sid cookie; expire it; set g.user = {"user", "role"}

    # TODO: the routes: /login, /logout, /me, /drafts, /users, /users/<username>

    return app
