"""Get an ASGI app ready to deploy: settings from the environment, probes, server options.

1. load_settings(environ) -> Settings, from a mapping such as os.environ
   (read it, never change it):
     DATABASE_URL     required, not blank (stripped)
     SECRET_KEY       required, at least 32 characters
     PORT             integer 1..65535, default 8000
     WEB_CONCURRENCY  integer >= 1; absent means None (let the CPUs decide)
     DEBUG            1/true/yes/on or 0/false/no/off in any case, spaces
                      around allowed; default false (bool("false") is True!)
     TRUSTED_PROXIES  comma-separated IPs, default "127.0.0.1"; blanks dropped
   Collect EVERY problem, in the order above, then raise one ConfigError of
   them joined by "; " (one failed deploy shows them all). The problems:
     "DATABASE_URL is required"
     "SECRET_KEY must be at least 32 characters"
     "PORT must be an integer from 1 to 65535"
     "WEB_CONCURRENCY must be an integer >= 1"
     "DEBUG must be one of 1/0, true/false, yes/no, on/off"
   Settings is frozen; its repr must not show the database URL or the
   secret key (field(repr=False)): settings end up in logs.

2. gunicorn_options(settings, cpu_count) -> the options a gunicorn.conf.py
   would set: {"bind": "0.0.0.0:<port>", "workers": WEB_CONCURRENCY or
   2 * cpu_count + 1, "worker_class": "uvicorn.workers.UvicornWorker",
   "forwarded_allow_ips": "<proxies joined by ','>", "accesslog": "-",
   "wsgi_app": "asgi_settings_health_probes:app_factory()"}.

3. create_app(settings, checks=None, check_timeout=1.0) -> a FastAPI app:
   - debug=settings.debug; /docs and /openapi.json exist only in debug.
   - app.state.settings = settings; app.state.accepting is False until the
     lifespan's startup, True while serving, False again from shutdown on.
   - GET /healthz (liveness): always 200 {"status": "ok"}; never runs checks.
   - GET /readyz (readiness): when accepting, run every check (async
     functions, name -> check) CONCURRENTLY, each limited by
     asyncio.wait_for(..., check_timeout). A check is "ok", or
     "failed: <exception type name>" (never the message: it may hold a
     password). 200 {"status": "ready", "checks": {...}} if all are ok,
     else 503 {"status": "unavailable", "checks": {...}}; not accepting:
     503 with "checks": {}.
   - Both probes answer with Cache-Control: no-store.

4. app_factory() = create_app(load_settings(os.environ)) (done): what the
   server imports, so nothing reads the environment at import time.
"""
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
    database_url: str          # TODO: keep it out of the repr
    secret_key: str            # TODO: keep it out of the repr
    port: int = 8000
    workers: int | None = None
    debug: bool = False
    trusted_proxies: tuple[str, ...] = ("127.0.0.1",)


def load_settings(environ: Mapping[str, str]) -> Settings:
    # TODO: read and check every variable, collect the errors
    raise NotImplementedError


def gunicorn_options(settings: Settings, cpu_count: int) -> dict[str, object]:
    # TODO
    raise NotImplementedError


def create_app(settings: Settings, checks: Mapping[str, Check] | None = None,
               check_timeout: float = 1.0) -> FastAPI:
    # TODO: a lifespan (contextlib.asynccontextmanager) that sets
    #       app.state.accepting; the FastAPI app; /healthz and /readyz
    raise NotImplementedError


def app_factory() -> FastAPI:
    return create_app(load_settings(os.environ))
