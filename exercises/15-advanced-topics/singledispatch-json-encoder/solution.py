"""A JSON encoder as one generic function: functools.singledispatch, recursion, purity."""
import base64
import dataclasses
import json
import math
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import partial, singledispatch


@singledispatch
def to_jsonable(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    raise TypeError(f"cannot convert {type(value).__name__} to JSON")


@to_jsonable.register(str)
@to_jsonable.register(int)
@to_jsonable.register(type(None))
def _(value):
    return value


@to_jsonable.register
def _(value: float):
    if not math.isfinite(value):
        raise ValueError(f"JSON has no {value}")
    return value


@to_jsonable.register
def _(value: Decimal):
    if not value.is_finite():
        raise ValueError(f"JSON has no {value}")
    return str(value)


@to_jsonable.register
def _(value: date):
    return value.isoformat()


@to_jsonable.register
def _(value: datetime):
    if value.utcoffset() is None:
        raise ValueError(f"a naive datetime is ambiguous: {value.isoformat()}")
    return value.isoformat()


@to_jsonable.register
def _(value: Enum):
    return to_jsonable(value.value)


@to_jsonable.register
def _(value: bytes):
    return base64.b64encode(value).decode("ascii")


@to_jsonable.register(list)
@to_jsonable.register(tuple)
def _(value):
    return [to_jsonable(item) for item in value]


@to_jsonable.register(set)
@to_jsonable.register(frozenset)
def _(value):
    return sorted((to_jsonable(item) for item in value), key=partial(json.dumps, sort_keys=True))


@to_jsonable.register
def _(value: dict):
    if not all(isinstance(key, str) for key in value):
        raise TypeError("JSON object keys must be strings")
    return {key: to_jsonable(item) for key, item in value.items()}


dumps = partial(json.dumps, sort_keys=True, separators=(",", ":"), allow_nan=False, ensure_ascii=False)


def encode(value) -> str:
    return dumps(to_jsonable(value))
