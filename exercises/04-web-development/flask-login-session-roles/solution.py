"""Log in, stay logged in, log out: a server-side session flow with roles in Flask."""
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
    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if g.user is None:
                return {"error": "login required"}, 401
            if roles and g.user["role"] not in roles:
                return {"error": "forbidden"}, 403
            return view(*args, **kwargs)

        return wrapper

    return decorator


def create_app(admin_password: str, *, clock: Callable[[], float] = time.time,
               hash_method: str = "scrypt") -> Flask:
    app = Flask(__name__)
    state = AuthState()
    app.extensions["auth"] = state
    state.users["admin"] = {"password_hash": generate_password_hash(admin_password, method=hash_method),
                            "role": "admin"}

    @app.before_request
    def load_user() -> None:
        g.user = None
        sid = request.cookies.get(SESSION_COOKIE)
        session = state.sessions.get(sid) if sid else None
        if session is None:
            return
        if clock() - session["started"] >= SESSION_SECONDS:
            del state.sessions[sid]
            return
        user = state.users.get(session["user"])
        if user is not None:
            g.user = {"user": session["user"], "role": user["role"]}

    @app.post("/login")
    def login():
        data = request.get_json(silent=True)
        data = data if isinstance(data, dict) else {}
        username, password = data.get("username"), data.get("password")
        user = state.users.get(username) if isinstance(username, str) else None
        if user is None or not isinstance(password, str) or not check_password_hash(user["password_hash"], password):
            return {"error": "invalid username or password"}, 401
        state.sessions.pop(request.cookies.get(SESSION_COOKIE), None)
        sid = secrets.token_urlsafe(32)
        state.sessions[sid] = {"user": username, "started": clock()}
        response = jsonify(user=username, role=user["role"])
        response.set_cookie(SESSION_COOKIE, sid, max_age=SESSION_SECONDS, **COOKIE_FLAGS)
        return response

    @app.post("/logout")
    def logout():
        state.sessions.pop(request.cookies.get(SESSION_COOKIE), None)
        response = app.response_class(status=204)
        response.delete_cookie(SESSION_COOKIE, **COOKIE_FLAGS)
        return response

    @app.get("/me")
    @require_role()
    def me():
        return g.user

    @app.get("/drafts")
    @require_role("admin", "editor")
    def drafts():
        return {"drafts": []}

    @app.post("/users")
    @require_role("admin")
    def add_user():
        data = request.get_json(silent=True)
        data = data if isinstance(data, dict) else {}
        username, password, role = data.get("username"), data.get("password"), data.get("role")
        if not isinstance(username, str) or not username.strip() or not isinstance(password, str) \
                or len(password) < 8 or role not in ROLES:
            return {"error": "username, a password of 8+ characters and a known role are required"}, 422
        if username in state.users:
            return {"error": f"user {username} exists"}, 409
        state.users[username] = {"password_hash": generate_password_hash(password, method=hash_method),
                                 "role": role}
        return {"user": username, "role": role}, 201

    @app.delete("/users/<username>")
    @require_role("admin")
    def delete_user(username: str):
        if state.users.pop(username, None) is None:
            return {"error": f"user {username} not found"}, 404
        for sid in [sid for sid, s in state.sessions.items() if s["user"] == username]:
            del state.sessions[sid]
        return app.response_class(status=204)

    return app
