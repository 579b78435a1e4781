"""Read JSON strictly (no NaN, no duplicate keys, exact decimals) and JSON Lines lazily.

Python's json module is lenient where a payment API must not be:

    json.loads('{"amount": NaN}')                 -> {'amount': nan}   NaN is not JSON (RFC 8259)
    json.loads('{"amount": 1, "amount": 1000}')   -> {'amount': 1000}  the last key wins here; other
                                                     parsers keep the first, so two services read two amounts
    json.loads('{"amount": 0.1}')                 -> 0.1 as a float, and 0.1 + 0.2 != 0.3

Exports come as JSON Lines (NDJSON): one JSON value per line, often millions.

1. strict_loads(text) -> the value, like json.loads but
   - numbers with a fraction or exponent become Decimal (parse_float=Decimal);
     whole numbers stay int: strict_loads('{"a": 0.10, "n": 3}') == {"a": Decimal("0.10"), "n": 3};
   - NaN, Infinity and -Infinity raise ValueError("NaN is not JSON") (with
     that constant's name), via parse_constant;
   - a key twice in one object raises ValueError("duplicate key 'amount'"),
     via object_pairs_hook (it gets each object's (key, value) pairs in order),
     at any depth.
   Malformed JSON raises json.JSONDecodeError, which is a ValueError.

2. iter_ndjson(lines) -> a generator of (line_number, value) for each line
   that is not blank, parsed with strict_loads. Line numbers start at 1 and
   count blank lines too, so they match an editor's. A UTF-8 byte order mark
   at the start of line 1 ("\\ufeff", left by Windows tools) is removed; line
   endings ("\\n", "\\r\\n") are whitespace to JSON anyway. It reads one line at a
   time, only when the caller asks for the next value (never list(lines)).
   An error raises ValueError("line 7: <the error's message>") chained from
   the original (raise ... from exc).

3. sum_field(path, field) -> the Decimal sum of record[field] over the JSON
   Lines file at path (opened with encoding="utf-8", read through
   iter_ndjson). A record that is not an object, lacks the field, or whose
   field is not an int or Decimal (a bool, a string "12.50", null) raises
   ValueError("line 3: amount is not a number").
"""

import json  # noqa: F401
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any


def strict_loads(text: str) -> Any:
    # TODO: json.loads with parse_float, parse_constant and object_pairs_hook.
    raise NotImplementedError


def iter_ndjson(lines: Iterable[str]) -> Iterator[tuple[int, Any]]:
    # TODO: a generator: enumerate from 1, drop a BOM on line 1, skip blank lines.
    raise NotImplementedError


def sum_field(path: Path, field: str) -> Decimal:
    # TODO
    raise NotImplementedError
