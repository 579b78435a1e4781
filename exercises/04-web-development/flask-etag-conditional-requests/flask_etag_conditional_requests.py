"""Conditional requests with ETags: cheap re-reads, and no lost updates.

A document is {"title": str, "body": str}. create_app(docs=None) serves the
dict `docs` (id -> document; a new empty one when None) and changes it in
place.

1. etag_of(doc) -> the first 16 hex digits of the SHA-256 of
   json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
   encoded as UTF-8: equal documents, equal tags, whatever their key order.

2. GET /docs/<id> -> 200 + the document, with the header ETag: "<etag_of>"
   (QUOTED, as HTTP writes entity tags) and Cache-Control: no-cache.
   If-None-Match naming that tag (a list of tags, "*", or the W/ weak form
   all count: the WEAK comparison) -> 304 with no body, the same ETag and
   Cache-Control headers: the client's copy is still good.

3. PUT /docs/<id> (body exactly {"title": str, "body": str}) and
   DELETE /docs/<id> change the document ONLY when the request proves the
   client saw the current version:
     no If-Match header          -> 428 {"error": "If-Match header required"}
     If-Match without the current tag (STRONG comparison: a W/ tag never
     matches; "*" and lists do) -> 412 {"error": "document changed since
                                    you read it"}
     a bad PUT body              -> 422 {"error": "body must be {\"title\":
                                    str, \"body\": str}"}
     otherwise PUT -> 200 + the new document and ITS ETag (as GET), DELETE
     -> 204 with no body.
   Checks in that order; an unknown id is 404 {"error": "document 9 not
   found"} before any of them, for every method.

Werkzeug parses these headers for you: request.if_none_match and
request.if_match are ETags objects (.contains(tag) strong,
.contains_weak(tag) weak, "*" handled); response.set_etag(tag) quotes.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

from flask import Flask, Response, jsonify, request

FIELDS = {"title", "body"}


def etag_of(doc: dict[str, Any]) -> str:
    # TODO
    raise NotImplementedError


def create_app(docs: dict[int, dict[str, Any]] | None = None) -> Flask:
    app = Flask(__name__)
    store: dict[int, dict[str, Any]] = {} if docs is None else docs

    @app.get("/docs/<int:doc_id>")
    def read(doc_id: int):
        # TODO: 404, 304 or 200 with ETag and Cache-Control
        return {"error": "not implemented yet"}, 501

    @app.put("/docs/<int:doc_id>")
    def replace(doc_id: int):
        # TODO: 404, 428, 412, 422, then store and answer like GET
        return {"error": "not implemented yet"}, 501

    @app.delete("/docs/<int:doc_id>")
    def delete(doc_id: int):
        # TODO: 404, 428, 412, then 204
        return {"error": "not implemented yet"}, 501

    return app
