"""Conditional requests with ETags: cheap re-reads and no lost updates."""
from __future__ import annotations

import hashlib
import json
from typing import Any

from flask import Flask, Response, jsonify, request

FIELDS = {"title", "body"}


def etag_of(doc: dict[str, Any]) -> str:
    canonical = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def create_app(docs: dict[int, dict[str, Any]] | None = None) -> Flask:
    app = Flask(__name__)
    store: dict[int, dict[str, Any]] = {} if docs is None else docs

    def represent(doc_id: int) -> Response:
        response = jsonify(store[doc_id])
        response.set_etag(etag_of(store[doc_id]))
        response.headers["Cache-Control"] = "no-cache"
        return response

    def precondition(doc_id: int) -> tuple[dict[str, str], int] | None:
        if doc_id not in store:
            return {"error": f"document {doc_id} not found"}, 404
        if not request.headers.get("If-Match"):
            return {"error": "If-Match header required"}, 428
        if not request.if_match.contains(etag_of(store[doc_id])):
            return {"error": "document changed since you read it"}, 412
        return None

    @app.get("/docs/<int:doc_id>")
    def read(doc_id: int):
        if doc_id not in store:
            return {"error": f"document {doc_id} not found"}, 404
        tag = etag_of(store[doc_id])
        if request.if_none_match.contains_weak(tag):
            response = Response(status=304)
            response.set_etag(tag)
            response.headers["Cache-Control"] = "no-cache"
            return response
        return represent(doc_id)

    @app.put("/docs/<int:doc_id>")
    def replace(doc_id: int):
        refused = precondition(doc_id)
        if refused:
            return refused
        data = request.get_json(silent=True)
        if not isinstance(data, dict) or set(data) != FIELDS or not all(isinstance(data[f], str) for f in FIELDS):
            return {"error": "body must be {\"title\": str, \"body\": str}"}, 422
        store[doc_id] = {"title": data["title"], "body": data["body"]}
        return represent(doc_id)

    @app.delete("/docs/<int:doc_id>")
    def delete(doc_id: int):
        refused = precondition(doc_id)
        if refused:
            return refused
        del store[doc_id]
        return Response(status=204)

    return app
