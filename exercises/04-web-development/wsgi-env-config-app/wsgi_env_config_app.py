"""Deploy-ready: a hand-written WSGI app configured from environment variables.

Every Python web framework (Flask, Django) is a WSGI application underneath:
a callable app(environ, start_response) that a server such as gunicorn calls
once per request. Servers differ per host, so the app reads its settings from
environment variables (the Twelve-Factor way), never from the code.

1. load_config() -> Config, read from os.environ:
   APP_SECRET_KEY     required, at least 16 characters, else
                      ConfigError("APP_SECRET_KEY is required ...")
   APP_PORT           default "8000"; an integer 1..65535, else
                      ConfigError("APP_PORT must be an integer between 1 and 65535, got 'abc'")
   APP_DEBUG          default false; 1/true/yes/on or 0/false/no/off in any
                      case, else ConfigError("APP_DEBUG must be true or false ...")
   APP_ALLOWED_HOSTS  default "localhost"; comma-separated, spaces stripped,
                      lower-cased, empty items dropped: " a.com, B.com," -> ("a.com", "b.com")

2. make_app(config) -> a WSGI app. For each request, in this order:
   - HTTP_HOST without its ":port" not in config.allowed_hosts -> 400 "bad host"
     (equal to one of them, compared whole: "notexample.com" and
     "example.com.evil.test" are not "example.com"; an IPv6 host keeps its
     brackets and colons: "[::1]:8000" -> "[::1]", and "[::1]" has no port)
   - PATH_INFO other than "/health" or "/info"                -> 404 "not found"
   - REQUEST_METHOD other than GET -> 405 "method not allowed" with header Allow: GET
   - GET /health -> 200 "ok" (text/plain; charset=utf-8)
   - GET /info   -> 200 application/json {"debug": false, "allowed_hosts": ["localhost"]}
                    (never the secret key!)
   Call start_response(status, headers) with a status like "200 OK", a
   Content-Type and a Content-Length header, and return a list of bytes.

       gunicorn 'wsgi_env_config_app:make_app(load_config())'   # how a host runs it
"""
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


class ConfigError(Exception):
    """The environment does not describe a valid configuration."""


@dataclass(frozen=True)
class Config:
    secret_key: str
    port: int = 8000
    debug: bool = False
    allowed_hosts: tuple[str, ...] = ("localhost",)


def load_config() -> Config:
    # TODO: read and validate the four APP_* variables from os.environ.
    raise NotImplementedError


StartResponse = Callable[[str, list[tuple[str, str]]], object]


def make_app(config: Config) -> Callable[[dict, StartResponse], Iterable[bytes]]:
    def app(environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        # TODO: check the host, route on PATH_INFO and REQUEST_METHOD,
        # call start_response(status, headers) and return [body_bytes].
        start_response("501 Not Implemented", [("Content-Type", "text/plain; charset=utf-8")])
        return [b"not implemented"]

    return app


if __name__ == "__main__":
    from wsgiref.simple_server import make_server

    settings = load_config()
    with make_server("", settings.port, make_app(settings)) as server:
        print(f"Serving on port {settings.port}")
        server.serve_forever()
