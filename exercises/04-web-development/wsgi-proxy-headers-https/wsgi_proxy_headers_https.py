"""Behind a reverse proxy: trust only your own proxies' X-Forwarded-* entries, then force HTTPS.

In production the app sits behind a load balancer: the TCP peer is the
proxy (REMOTE_ADDR 10.0.0.2), the scheme is http and the Host is internal.
Each proxy APPENDS what it saw to X-Forwarded-For / -Proto / -Host, so the
client itself can put anything at the LEFT of those lists. Trust exactly as
many entries from the right as you have proxies ("hops").

1. trusted_value(header, hops) -> the hops-th comma-separated value from the
   RIGHT, stripped; None when hops is 0, the header is missing or empty,
   has fewer values than hops, or that value is blank.
       trusted_value("6.6.6.6, 203.0.113.7", 1) -> "203.0.113.7"

2. ProxyHeaders(app, x_for=1, x_proto=1, x_host=0), a WSGI middleware (the
   idea of werkzeug's ProxyFix; the tests compare yours with it). Per
   request it first keeps the originals in environ["proxy.orig"] =
   {"REMOTE_ADDR": ..., "wsgi.url_scheme": ..., "HTTP_HOST": ...}, then
   replaces REMOTE_ADDR with the trusted X-Forwarded-For value,
   wsgi.url_scheme with the trusted X-Forwarded-Proto value (lower-cased;
   only "http" or "https", anything else is ignored) and HTTP_HOST with the
   trusted X-Forwarded-Host value; a None leaves that key alone. Then it
   calls `app`. (Headers arrive as environ["HTTP_X_FORWARDED_FOR"] etc.)

3. app, a WSGI app (every response text/plain; charset=utf-8 with a
   Content-Length):
     /healthz        -> "200 OK", body "ok", over http too (the load
                        balancer's probe comes in plain HTTP)
     any path on http -> "308 Permanent Redirect" with Location
                        https://<HTTP_HOST><path>[?<query>], empty body
     on https        -> "200 OK", body "ip=<REMOTE_ADDR> scheme=https
                        host=<HTTP_HOST>", with Strict-Transport-Security: HSTS

4. deployed(hops) -> ProxyHeaders(app, x_for=hops, x_proto=hops, x_host=hops).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

HSTS = "max-age=63072000; includeSubDomains"


def trusted_value(header: str | None, hops: int) -> str | None:
    # TODO
    raise NotImplementedError


class ProxyHeaders:
    def __init__(self, app: WSGIApp, x_for: int = 1, x_proto: int = 1, x_host: int = 0) -> None:
        self.app = app
        self.x_for = x_for
        self.x_proto = x_proto
        self.x_host = x_host

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        # TODO
        raise NotImplementedError


def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    # TODO
    raise NotImplementedError


def deployed(hops: int) -> WSGIApp:
    # TODO
    raise NotImplementedError
