"""Close an open redirect, a path traversal and cross-site posts; send secure headers."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, Response, abort, redirect, request, send_file

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; object-src 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
}
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def safe_next(target: str | None) -> str:
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F or ch == "\\" for ch in target):
        return "/"
    return target


def resolve_download(root: Path, name: str) -> Path | None:
    if "\x00" in name:
        return None
    base = root.resolve()
    candidate = (base / name).resolve()
    if not candidate.is_relative_to(base) or not candidate.is_file():
        return None
    return candidate


def same_origin(headers: dict[str, str], origin: str) -> bool:
    sent = headers.get("Origin")
    if sent is None:
        referer = headers.get("Referer")
        if referer is None:
            return False
        parts = urlsplit(referer)
        sent = f"{parts.scheme}://{parts.netloc}"
    return sent == origin


def create_app(files_root: Path, origin: str) -> Flask:
    app = Flask(__name__)

    @app.before_request
    def refuse_cross_site() -> Response | tuple[dict, int] | None:
        if request.method in UNSAFE_METHODS and not same_origin(dict(request.headers), origin):
            return {"error": "cross-site request refused"}, 403
        return None

    @app.after_request
    def secure_headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.get("/continue")
    def continue_to():
        return redirect(safe_next(request.args.get("next")), code=303)

    @app.get("/files/<path:name>")
    def download(name: str):
        path = resolve_download(files_root, name)
        if path is None:
            abort(404)
        return send_file(path)

    @app.post("/comments")
    def comment():
        return {"ok": True}, 201

    @app.get("/embed")
    def embed():
        response = Response("<p>embeddable</p>")
        response.headers["Content-Security-Policy"] = "frame-ancestors https://partner.example"
        return response

    return app
