"""Deploy an ASGI app: settings from the environment, health and readiness probes, server options."""
from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from fastapi import FastAPI
from fastapi.responses import JSONResponse

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}
Check = Callable[[], Awaitable[None]]


class ConfigError(Exception):
    """The environment does not describe a runnable deployment."""


@dataclass(frozen=True)
class Settings:
    database_url: str = field(repr=False)
    secret_key: str = field(repr=False)
    port: int = 8000
    workers: int | None = None
    debug: bool = False
    trusted_proxies: tuple[str, ...] = ("127.0.0.1",)


def load_settings(environ: Mapping[str, str]) -> Settings:
    errors: list[str] = []
    database_url = environ.get("DATABASE_URL", "").strip()
    if not database_url:
        errors.append("DATABASE_URL is required")
    secret_key = environ.get("SECRET_KEY")
    if secret_key is None or len(secret_key) < 32:
        errors.append("SECRET_KEY must be at least 32 characters")
    port = workers = None
    try:
        port = int(environ.get("PORT", "8000"))
    except ValueError:
        pass
    if port is None or not 1 <= port <= 65535:
        errors.append("PORT must be an integer from 1 to 65535")
    if "WEB_CONCURRENCY" in environ:
        try:
            workers = int(environ["WEB_CONCURRENCY"])
        except ValueError:
            workers = 0
        if workers < 1:
            errors.append("WEB_CONCURRENCY must be an integer >= 1")
    debug_text = environ.get("DEBUG", "false").strip().lower()
    if debug_text not in TRUE | FALSE:
        errors.append("DEBUG must be one of 1/0, true/false, yes/no, on/off")
    proxies = tuple(p.strip() for p in environ.get("TRUSTED_PROXIES", "127.0.0.1").split(",") if p.strip())
    if errors:
        raise ConfigError("; ".join(errors))
    assert secret_key is not None and port is not None
    return Settings(database_url=database_url, secret_key=secret_key, port=port, workers=workers,
                    debug=debug_text in TRUE, trusted_proxies=proxies)


def gunicorn_options(settings: Settings, cpu_count: int) -> dict[str, object]:
    return {
        "bind": f"0.0.0.0:{settings.port}",
        "workers": settings.workers or 2 * cpu_count + 1,
        "worker_class": "uvicorn.workers.UvicornWorker",
        "forwarded_allow_ips": ",".join(settings.trusted_proxies),
        "accesslog": "-",
        "wsgi_app": "asgi_settings_health_probes:app_factory()",
    }


def create_app(settings: Settings, checks: Mapping[str, Check] | None = None,
               check_timeout: float = 1.0) -> FastAPI:
    checks = dict(checks or {})

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.accepting = True
        yield
        app.state.accepting = False

    app = FastAPI(debug=settings.debug, lifespan=lifespan,
                  docs_url="/docs" if settings.debug else None,
                  redoc_url=None, openapi_url="/openapi.json" if settings.debug else None)
    app.state.accepting = False
    app.state.settings = settings

    async def run(check: Check) -> str:
        try:
            await asyncio.wait_for(check(), check_timeout)
        except Exception as error:  # a probe reports failures; it never crashes
            return f"failed: {type(error).__name__}"
        return "ok"

    @app.get("/healthz")
    async def healthz() -> JSONResponse:
        return JSONResponse({"status": "ok"}, headers={"Cache-Control": "no-store"})

    @app.get("/readyz")
    async def readyz() -> JSONResponse:
        results: dict[str, str] = {}
        if app.state.accepting:
            outcomes = await asyncio.gather(*(run(check) for check in checks.values()))
            results = dict(zip(checks, outcomes))
        ready = app.state.accepting and all(result == "ok" for result in results.values())
        return JSONResponse({"status": "ready" if ready else "unavailable", "checks": results},
                            status_code=200 if ready else 503, headers={"Cache-Control": "no-store"})

    return app


def app_factory() -> FastAPI:
    return create_app(load_settings(os.environ))
