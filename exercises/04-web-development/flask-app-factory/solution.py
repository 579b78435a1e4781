"""Build a small JSON API with the Flask "application factory" pattern."""
from __future__ import annotations

import json
from typing import Any

from flask import Flask, abort, request
from werkzeug.exceptions import HTTPException


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config["GREETING"] = "Hello"
    app.config.update(config or {})
    greeting = app.config["GREETING"]
    if not isinstance(greeting, str) or not greeting:
        raise ValueError("GREETING must be a non-empty string")

    @app.get("/health")
    def health():
        return {"status": "ok"}

    @app.get("/greet/<name>")
    def greet(name: str):
        return {"message": f"{app.config['GREETING']}, {name}!"}

    @app.get("/add")
    def add():
        a = request.args.get("a", type=int)
        b = request.args.get("b", type=int)
        if a is None or b is None:
            abort(400, description="query parameters a and b must be integers")
        return {"sum": a + b}

    @app.errorhandler(HTTPException)
    def json_error(error: HTTPException):
        response = error.get_response()  # keeps the error's status and headers, e.g. a 405's Allow
        response.data = json.dumps({"error": error.name, "message": error.description})
        response.content_type = "application/json"
        return response

    return app
