"""Settings from the environment (done: read it to see what the worker gets).

Twelve-factor: every setting comes from an INGESTQ_* variable, is parsed and
checked once at start-up, and a bad environment fails with every problem
listed. AWS credentials are NOT settings: boto3 reads them itself from its
usual places (environment, profile, instance role); never put them in code.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

REQUIRED = ("QUEUE_URL", "INPUT_BUCKET", "RESULTS_BUCKET", "TABLE")
LIMITS = {"VISIBILITY_TIMEOUT": (1, 43200), "BATCH_SIZE": (1, 10), "WAIT_SECONDS": (0, 20)}


class ConfigError(Exception):
    """The environment does not describe a valid worker."""


@dataclass(frozen=True)
class Settings:
    queue_url: str
    input_bucket: str
    results_bucket: str
    table: str
    visibility_timeout: int = 60  # seconds a received message stays hidden from other workers
    batch_size: int = 10  # messages per receive_message call (SQS allows 1..10)
    wait_seconds: int = 20  # long polling: how long an empty receive waits (0..20)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        errors, values = [], {}
        for name in REQUIRED:
            value = env.get(f"INGESTQ_{name}", "")
            if value:
                values[name.lower()] = value
            else:
                errors.append(f"INGESTQ_{name} is required")
        for name, (low, high) in LIMITS.items():
            raw = env.get(f"INGESTQ_{name}", "")
            if not raw:
                continue
            if raw.isascii() and raw.isdigit() and low <= int(raw) <= high:
                values[name.lower()] = int(raw)
            else:
                errors.append(f"INGESTQ_{name} must be a whole number from {low} to {high}, got {raw!r}")
        if errors:
            raise ConfigError("; ".join(errors))
        return cls(**values)
