"""Behind a reverse proxy: trust only its own X-Forwarded-* entries, then force HTTPS."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

HSTS = "max-age=63072000; includeSubDomains"


def trusted_value(header: str | None, hops: int) -> str | None:
    if not hops or not header:
        return None
    values = [value.strip() for value in header.split(",")]
    if len(values) < hops or not values[-hops]:
        return None
    return values[-hops]


class ProxyHeaders:
    def __init__(self, app: WSGIApp, x_for: int = 1, x_proto: int = 1, x_host: int = 0) -> None:
        self.app = app
        self.x_for = x_for
        self.x_proto = x_proto
        self.x_host = x_host

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        environ["proxy.orig"] = {key: environ.get(key) for key in ("REMOTE_ADDR", "wsgi.url_scheme", "HTTP_HOST")}
        client = trusted_value(environ.get("HTTP_X_FORWARDED_FOR"), self.x_for)
        if client:
            environ["REMOTE_ADDR"] = client
        scheme = trusted_value(environ.get("HTTP_X_FORWARDED_PROTO"), self.x_proto)
        if scheme and scheme.lower() in ("http", "https"):
            environ["wsgi.url_scheme"] = scheme.lower()
        host = trusted_value(environ.get("HTTP_X_FORWARDED_HOST"), self.x_host)
        if host:
            environ["HTTP_HOST"] = host
        return self.app(environ, start_response)


def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    path = environ["PATH_INFO"]
    scheme = environ["wsgi.url_scheme"]
    host = environ.get("HTTP_HOST") or environ["SERVER_NAME"]
    if path == "/healthz":
        return respond(start_response, "200 OK", "ok")
    if scheme != "https":
        query = environ.get("QUERY_STRING", "")
        location = f"https://{host}{path}" + (f"?{query}" if query else "")
        return respond(start_response, "308 Permanent Redirect", "", [("Location", location)])
    body = f"ip={environ.get('REMOTE_ADDR', '')} scheme={scheme} host={host}"
    return respond(start_response, "200 OK", body, [("Strict-Transport-Security", HSTS)])


def respond(start_response: StartResponse, status: str, text: str,
            extra: list[tuple[str, str]] | None = None) -> list[bytes]:
    data = text.encode()
    headers = [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(data)))]
    start_response(status, headers + (extra or []))
    return [data]


def deployed(hops: int) -> WSGIApp:
    return ProxyHeaders(app, x_for=hops, x_proto=hops, x_host=hops)
