"""Polymorphism without classes: functools.singledispatch and partial.

json.dumps only knows dict, list, str, int, float, bool and None. Write
`to_jsonable(obj)`, a @functools.singledispatch function that picks an
implementation by the TYPE of its argument, so new types can be added
later (even from other modules) with @to_jsonable.register:

    to_jsonable({"when": date(2024, 5, 1), "price": Decimal("9.90"),
                 "tags": {"b", "a"}, "ok": True})
    # -> {"when": "2024-05-01", "price": "9.90", "tags": ["a", "b"], "ok": True}

Conversions:
- str, bool, None, float: unchanged. int: int(obj), a plain int (an
  IntEnum member is an int too). Careful: bool is a subclass of int, so
  without its own registration True would become 1.
- decimal.Decimal -> str(obj) (no float rounding: "0.10" stays "0.10").
- datetime.date and datetime.datetime -> obj.isoformat().
- an enum.Enum member -> to_jsonable(its .value).
- list and tuple -> a list, every item converted (recursively).
- set and frozenset -> a SORTED list of the converted items, so the output
  never depends on hash order.
- dict -> a dict with every value converted; a key that is not a str
  raises TypeError ("dict keys must be str, got int").
- anything else -> TypeError "cannot convert Point to JSON".

Then `render(obj, *, indent=None, sort_keys=True)` returns
json.dumps(to_jsonable(obj), ..., ensure_ascii=False) (so "café" stays
readable), and `pretty` is functools.partial(render, indent=2): a
function with a preset keyword that a caller can still override, as in
pretty(data, indent=4).
"""

import datetime  # noqa: F401  (you will need these)
import decimal  # noqa: F401
import enum  # noqa: F401
import functools
import json  # noqa: F401
from typing import Any


@functools.singledispatch
def to_jsonable(obj: object) -> Any:
    """Convert obj into something json.dumps accepts."""
    raise NotImplementedError  # TODO: the fallback for unknown types


# TODO: one @to_jsonable.register implementation per group of types


def render(obj: object, *, indent: int | None = None, sort_keys: bool = True) -> str:
    """JSON text of obj, converted with to_jsonable first."""
    raise NotImplementedError  # TODO


pretty: Any = None  # TODO: functools.partial(...)
