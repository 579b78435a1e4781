"""Build a small JSON API with the Flask "application factory" pattern.

create_app(config=None) must build and return a NEW Flask app on every call,
so that tests (and each deployment) get their own app with their own config:

1. Config: GREETING defaults to "Hello"; every key of `config` overrides the
   defaults (e.g. {"TESTING": True, "GREETING": "Bonjour"}). Fail fast: if
   the final GREETING is not a non-empty str, raise
   ValueError("GREETING must be a non-empty string") before any request.
2. Routes (all answer JSON):
     GET /health          -> 200 {"status": "ok"}
     GET /greet/<name>    -> 200 {"message": "<GREETING>, <name>!"}
     GET /add?a=2&b=40    -> 200 {"sum": 42}
   /add answers 400 with the description
   "query parameters a and b must be integers" when a or b is missing or
   not an integer.
3. Errors: EVERY HTTP error (400, 404 unknown URL, 405 wrong method, 409,
   429, ...) answers JSON instead of Flask's HTML page, with the error's own
   status and headers (a 405 keeps the Allow header listing the methods the
   client may use; error.get_response() builds a response that has them):
     {"error": "Not Found", "message": "<the error's description>"}
   Do not change the `config` dict you are given.

    >>> client = create_app({"GREETING": "Hi"}).test_client()
    >>> client.get("/greet/Ada").get_json()
    {'message': 'Hi, Ada!'}
"""
from __future__ import annotations

from typing import Any

from flask import Flask, abort, request
from werkzeug.exceptions import HTTPException


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    # TODO: default GREETING, then apply `config` on top of the defaults,
    #       then check GREETING.

    # TODO: register GET /health, GET /greet/<name> and GET /add here.

    # TODO: one error handler that turns every HTTPException into JSON.

    return app
