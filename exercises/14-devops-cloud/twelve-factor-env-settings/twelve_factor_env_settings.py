"""Twelve-factor configuration: typed settings from the environment, secrets hidden.

A twelve-factor app reads its configuration from environment variables, so
the same build runs in every environment. Read them ONCE, at start-up, into a
typed, validated Settings object; fail fast with every problem listed.

load_settings(environ=None, prefix="APP_") -> Settings. environ defaults to
os.environ as it is WHEN load_settings is called. Each name below is read as
prefix + NAME; a variable set to the empty string counts as unset.

  NAME             type / rule                                      default
  DATABASE_URL     Secret; starts with postgresql:// or sqlite://   required
  API_TOKEN        Secret; at least 32 characters                   required
  PORT             int 1..65535                                     8080
  WORKERS          int 1..64                                        2
  DEBUG            true/false, yes/no, on/off, 1/0 (any case)       False
  REQUEST_TIMEOUT  float seconds, finite and > 0 ("inf"/"nan" no)   5.0
  ALLOWED_HOSTS    comma-separated; items stripped, empty ones      ("localhost",)
                   dropped; at least one host left
  Whole numbers are plain ASCII digits only: int() also accepts "+80",
  " 80", "8_080" and "８０", a config file should not.

Problems do not stop at the first: collect one message per bad variable,
each naming the variable (e.g. "APP_PORT must be a whole number from 1 to
65535, got 'http'", "APP_API_TOKEN is required"), and raise ONE
ConfigError("; ".join(messages)). A message may show a bad PORT but NEVER
the value of a secret (DATABASE_URL holds a password).

Secret(value) wraps a secret string: .reveal() returns it; repr() and str()
(hence f-strings, %-formatting, logging and the repr of Settings) show only
Secret('**********').

    >>> s = load_settings({"APP_DATABASE_URL": "postgresql://app:pw@db/app",
    ...                    "APP_API_TOKEN": "t" * 32, "APP_DEBUG": "off"})
    >>> s.port, s.debug, s.api_token
    (8080, False, Secret('**********'))
"""
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

    def __init__(self, value: str) -> None:
        self.value = value  # TODO: keep it, but out of every repr

    def reveal(self) -> str:
        # TODO: the wrapped value.
        raise NotImplementedError

    # TODO: __repr__ returns "Secret('**********')" (str() falls back to __repr__).


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
    # TODO: read, parse and validate every variable; collect all errors; raise one ConfigError.
    raise NotImplementedError
