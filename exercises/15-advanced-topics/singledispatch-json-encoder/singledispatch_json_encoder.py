"""One generic function, many types: a JSON encoder with functools.singledispatch.

to_jsonable(value) turns a value into plain JSON data (dict, list, str, int,
float, bool, None) WITHOUT changing the value: build new containers. It is a
functools.singledispatch function: one implementation per type, chosen by the
type of the argument (the most specific class wins, so datetime, a subclass
of date, gets its own), and anyone can register more types later.

    str, int (bool stays bool), None   -> unchanged
    float                              -> unchanged; NaN/inf: ValueError(f"JSON has no {value}")
    Decimal                            -> str(value), every digit kept; NaN/Infinity:
                                          ValueError(f"JSON has no {value}")
    date                               -> "2026-02-28" (isoformat)
    datetime                           -> isoformat, e.g. "2026-02-28T09:30:00+01:00";
                                          naive (no utcoffset): ValueError(f"a naive
                                          datetime is ambiguous: {value.isoformat()}")
    Enum                               -> to_jsonable(member.value)
    bytes                              -> base64 text ("AP9oaQ==")
    list, tuple                        -> a list of converted items
    set, frozenset                     -> a list of converted items, sorted by their
                                          json.dumps(..., sort_keys=True) text, so the
                                          output never depends on the hash seed
    dict                               -> a dict of converted values; every key must be
                                          a str, else TypeError("JSON object keys must be
                                          strings") ({1: .., "1": ..} would collide)
    a dataclass instance               -> {field name: converted value} (use
                                          dataclasses.is_dataclass and fields in the
                                          fallback; a dataclass CLASS is not an instance)
    anything else                      -> TypeError(f"cannot convert {type name} to JSON")
Containers convert their items by calling to_jsonable again, so nesting
works at any depth and newly registered types work inside containers.

encode(value) -> str: json.dumps of to_jsonable(value) with sort_keys=True,
separators=(",", ":"), ensure_ascii=False and allow_nan=False:
    encode({"b": [1, 2], "a": "zoë"}) == '{"a":"zoë","b":[1,2]}'
"""
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
    # TODO: the fallback: dataclass instances, else TypeError
    raise NotImplementedError


# TODO: @to_jsonable.register one function per type in the table


def encode(value) -> str:
    raise NotImplementedError  # TODO
