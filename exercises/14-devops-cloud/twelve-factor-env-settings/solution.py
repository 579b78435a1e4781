"""Twelve-factor settings: typed, validated configuration from the environment."""
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

DIGITS = re.compile(r"[0-9]+")
TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}


class ConfigError(Exception):
    """The environment does not describe a valid configuration."""


class Secret:
    """A string that never shows itself in repr(), str() or f-strings."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"


@dataclass(frozen=True)
class Settings:
    database_url: Secret
    api_token: Secret
    port: int = 8080
    workers: int = 2
    debug: bool = False
    request_timeout: float = 5.0
    allowed_hosts: tuple[str, ...] = ("localhost",)


def load_settings(environ: Mapping[str, str] | None = None, prefix: str = "APP_") -> Settings:
    env = os.environ if environ is None else environ
    errors: list[str] = []
    values: dict[str, object] = {}

    def read(name: str) -> str | None:
        return env.get(prefix + name) or None

    for name in ("DATABASE_URL", "API_TOKEN"):
        if read(name) is None:
            errors.append(f"{prefix}{name} is required")
    url, token = read("DATABASE_URL"), read("API_TOKEN")
    if url is not None:
        if url.startswith(("postgresql://", "sqlite://")):
            values["database_url"] = Secret(url)
        else:
            errors.append(f"{prefix}DATABASE_URL must start with postgresql:// or sqlite://")
    if token is not None:
        if len(token) >= 32:
            values["api_token"] = Secret(token)
        else:
            errors.append(f"{prefix}API_TOKEN must be at least 32 characters")

    for name, low, high in (("PORT", 1, 65535), ("WORKERS", 1, 64)):
        raw = read(name)
        if raw is None:
            continue
        if DIGITS.fullmatch(raw) and low <= int(raw) <= high:
            values[name.lower()] = int(raw)
        else:
            errors.append(f"{prefix}{name} must be a whole number from {low} to {high}, got {raw!r}")

    raw = read("DEBUG")
    if raw is not None:
        if raw.lower() in TRUE | FALSE:
            values["debug"] = raw.lower() in TRUE
        else:
            errors.append(f"{prefix}DEBUG must be one of true/false, yes/no, on/off, 1/0, got {raw!r}")

    raw = read("REQUEST_TIMEOUT")
    if raw is not None:
        try:
            seconds = float(raw)
        except ValueError:
            seconds = math.nan
        if math.isfinite(seconds) and seconds > 0:
            values["request_timeout"] = seconds
        else:
            errors.append(f"{prefix}REQUEST_TIMEOUT must be a positive number of seconds, got {raw!r}")

    raw = read("ALLOWED_HOSTS")
    if raw is not None:
        hosts = tuple(host.strip() for host in raw.split(",") if host.strip())
        if hosts:
            values["allowed_hosts"] = hosts
        else:
            errors.append(f"{prefix}ALLOWED_HOSTS must name at least one host")

    if errors:
        raise ConfigError("; ".join(errors))
    return Settings(**values)
