"""The built-in steps, registered in REGISTRY."""

from .errors import SpecError
from .registry import Record, Step, StepRegistry

REGISTRY = StepRegistry()


@REGISTRY.register("strip")
def strip() -> Step:
    """Strip surrounding whitespace from every string value."""

    def step(record: Record) -> Record:
        return {key: value.strip() if isinstance(value, str) else value for key, value in record.items()}

    return step


@REGISTRY.register("require")
def require(field: str) -> Step:
    """Drop records where field is missing or an empty string."""

    def step(record: Record) -> Record | None:
        return record if record.get(field) not in (None, "") else None

    return step


@REGISTRY.register("rename")
def rename(old: str, new: str) -> Step:
    """Rename a key, keeping records that do not have it unchanged."""

    def step(record: Record) -> Record:
        if old not in record:
            return record
        return {(new if key == old else key): value for key, value in record.items()}

    return step


CASTS = {"int": int, "float": float}


@REGISTRY.register("cast")
def cast(field: str, to: str) -> Step:
    """Convert field with int() or float(); records without it pass unchanged."""
    # TODO: refuse an unknown `to` here, when the step is built (SpecError),
    #       then return a step that converts record[field] with CASTS[to].
    raise NotImplementedError
