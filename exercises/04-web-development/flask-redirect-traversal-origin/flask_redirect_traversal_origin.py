"""Close an open redirect, a path traversal and cross-site posts; send secure headers.

1. safe_next(target) -> where to send the browser after ?next=...
   Keep `target` only if it is a path on THIS site: it starts with exactly
   one "/" (not "//": that is "another host"), has no backslash (browsers
   read "/\\evil.example" as "//evil.example") and no control character
   (below 0x20, or 0x7f: browsers drop tabs and newlines from URLs, so
   "/\t/evil.example" is "//evil.example" too). A plain space is fine.
   Anything else, None and "" included, gives "/".
       safe_next("/account") -> "/account";  safe_next("//evil.example") -> "/"

2. resolve_download(root, name) -> the file to serve, or None.
   Resolve root / name (Path.resolve(), which also follows symlinks) and
   return it only if it lies inside the resolved root (Path.is_relative_to,
   not a string prefix: /srv/files-private starts with /srv/files) and is a
   file. A name with a NUL byte is None. (In a real Flask app,
   send_from_directory does this check for you; here you write it.)

3. same_origin(headers, origin) -> bool, for a request that changes things.
   The browser's Origin header must EQUAL `origin` ("https://shop.example":
   scheme, host and port). Without an Origin header use the Referer's
   scheme://host[:port]; with neither, or Origin "null", refuse (False).

4. create_app(files_root, origin), routes already written, needs two hooks:
   - before every POST, PUT, PATCH or DELETE whose headers fail same_origin:
     answer 403 {"error": "cross-site request refused"} (GETs pass);
   - after EVERY response (redirects, 404s and 403s too): add each header of
     SECURITY_HEADERS, unless the view set that header itself.
"""
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
    # TODO
    raise NotImplementedError


def resolve_download(root: Path, name: str) -> Path | None:
    # TODO
    raise NotImplementedError


def same_origin(headers: dict[str, str], origin: str) -> bool:
    # TODO
    raise NotImplementedError


def create_app(files_root: Path, origin: str) -> Flask:
    app = Flask(__name__)

    # TODO: an @app.before_request hook for cross-site unsafe requests
    # TODO: an @app.after_request hook for SECURITY_HEADERS

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
