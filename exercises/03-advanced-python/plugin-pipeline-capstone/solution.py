"""Capstone: a small plugin pipeline package (see the stub for the task)."""

import logging
from collections.abc import Iterable

from plugin_pipeline_kit import REGISTRY, Record, SpecError, Step, StepFailed, StepRegistry

logger = logging.getLogger("plugin_pipeline_kit.run")


def parse_spec(spec: str) -> tuple[str, dict[str, str]]:
    """'rename:old=a,new=b' -> ('rename', {'old': 'a', 'new': 'b'})."""
    name, _, rest = spec.partition(":")
    name = name.strip()
    if not name:
        raise SpecError(f"no step name in {spec!r}")
    options: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in rest.split(","))):
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise SpecError(f"option {item!r} of step {name!r} is not key=value")
        if key in options:
            raise SpecError(f"option {key!r} of step {name!r} is given twice")
        options[key] = value.strip()
    return name, options


def build_pipeline(specs: Iterable[str], registry: StepRegistry = REGISTRY) -> list[tuple[str, Step]]:
    """Parse every spec and create its step, in order."""
    pipeline = []
    for spec in specs:
        name, options = parse_spec(spec)
        pipeline.append((name, registry.create(name, **options)))
    return pipeline


def run_pipeline(pipeline: list[tuple[str, Step]], records: Iterable[Record]) -> list[Record]:
    """Send each record through the steps; keep what comes out of the last one."""
    kept: list[Record] = []
    total = 0
    for number, record in enumerate(records, start=1):
        total = number
        current: Record | None = record
        for index, (name, step) in enumerate(pipeline, start=1):
            try:
                current = step(current)
            except Exception as exc:
                raise StepFailed(index, name, number) from exc
            if current is None:
                logger.debug("record %d dropped by step %d (%s)", number, index, name)
                break
        else:
            kept.append(current)
    logger.info("kept %d of %d records", len(kept), total)
    return kept
