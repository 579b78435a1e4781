"""Polymorphism without classes: functools.singledispatch and partial."""

import datetime
import decimal
import enum
import functools
import json
from typing import Any


@functools.singledispatch
def to_jsonable(obj: object) -> Any:
    """Convert obj into something json.dumps accepts."""
    raise TypeError(f"cannot convert {type(obj).__name__} to JSON")


@to_jsonable.register(str)
@to_jsonable.register(bool)
@to_jsonable.register(type(None))
def _(obj: object) -> object:
    return obj


@to_jsonable.register
def _(obj: int) -> int:
    return int(obj)


@to_jsonable.register
def _(obj: float) -> float:
    return obj


@to_jsonable.register
def _(obj: decimal.Decimal) -> str:
    return str(obj)


@to_jsonable.register
def _(obj: datetime.date) -> str:
    return obj.isoformat()


@to_jsonable.register
def _(obj: enum.Enum) -> Any:
    return to_jsonable(obj.value)


@to_jsonable.register(list)
@to_jsonable.register(tuple)
def _(obj: list[Any] | tuple[Any, ...]) -> list[Any]:
    return [to_jsonable(item) for item in obj]


@to_jsonable.register(set)
@to_jsonable.register(frozenset)
def _(obj: set[Any] | frozenset[Any]) -> list[Any]:
    return sorted(to_jsonable(item) for item in obj)


@to_jsonable.register
def _(obj: dict) -> dict[str, Any]:  # type: ignore[type-arg]
    result = {}
    for key, value in obj.items():
        if not isinstance(key, str):
            raise TypeError(f"dict keys must be str, got {type(key).__name__}")
        result[key] = to_jsonable(value)
    return result


def render(obj: object, *, indent: int | None = None, sort_keys: bool = True) -> str:
    """JSON text of obj, converted with to_jsonable first."""
    return json.dumps(to_jsonable(obj), indent=indent, sort_keys=sort_keys, ensure_ascii=False)


pretty = functools.partial(render, indent=2)
