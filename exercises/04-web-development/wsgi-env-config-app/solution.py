"""A WSGI application configured from the environment, ready for any WSGI server."""
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
    secret_key = os.environ.get("APP_SECRET_KEY", "")
    if len(secret_key) < 16:
        raise ConfigError("APP_SECRET_KEY is required and must be at least 16 characters")

    raw_port = os.environ.get("APP_PORT", "8000")
    try:
        port = int(raw_port)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise ConfigError(f"APP_PORT must be an integer between 1 and 65535, got {raw_port!r}")

    raw_debug = os.environ.get("APP_DEBUG", "false").strip().lower()
    if raw_debug not in TRUE_WORDS | FALSE_WORDS:
        raise ConfigError(f"APP_DEBUG must be true or false, got {raw_debug!r}")

    hosts = os.environ.get("APP_ALLOWED_HOSTS", "localhost").split(",")
    allowed_hosts = tuple(host.strip().lower() for host in hosts if host.strip())
    return Config(secret_key, port, raw_debug in TRUE_WORDS, allowed_hosts)


StartResponse = Callable[[str, list[tuple[str, str]]], object]


def make_app(config: Config) -> Callable[[dict, StartResponse], Iterable[bytes]]:
    def respond(start_response, status, body, content_type="text/plain; charset=utf-8", extra=()):
        data = body.encode()
        headers = [("Content-Type", content_type), ("Content-Length", str(len(data))), *extra]
        start_response(status, headers)
        return [data]

    def app(environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        host = environ.get("HTTP_HOST", "").lower()
        if not host.endswith("]"):  # "[::1]" is an IPv6 address with no port
            host = host.rsplit(":", 1)[0]
        if host not in config.allowed_hosts:
            return respond(start_response, "400 Bad Request", "bad host")
        path = environ.get("PATH_INFO", "/")
        if path not in ("/health", "/info"):
            return respond(start_response, "404 Not Found", "not found")
        if environ.get("REQUEST_METHOD") != "GET":
            return respond(start_response, "405 Method Not Allowed", "method not allowed", extra=[("Allow", "GET")])
        if path == "/health":
            return respond(start_response, "200 OK", "ok")
        info = {"debug": config.debug, "allowed_hosts": list(config.allowed_hosts)}
        return respond(start_response, "200 OK", json.dumps(info), "application/json")

    return app


if __name__ == "__main__":
    from wsgiref.simple_server import make_server

    settings = load_config()
    with make_server("", settings.port, make_app(settings)) as server:
        print(f"Serving on port {settings.port}")
        server.serve_forever()
