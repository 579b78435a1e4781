"""Read JSON strictly (no NaN, no duplicate keys, exact decimals) and JSON Lines lazily."""

import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def strict_loads(text: str) -> Any:
    return json.loads(text, parse_float=Decimal, parse_constant=_no_constants, object_pairs_hook=_unique_keys)


def iter_ndjson(lines: Iterable[str]) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(lines, start=1):
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        try:
            yield number, strict_loads(line)
        except ValueError as exc:
            raise ValueError(f"line {number}: {exc}") from exc


def sum_field(path: Path, field: str) -> Decimal:
    total = Decimal(0)
    with open(path, encoding="utf-8") as lines:
        for number, record in iter_ndjson(lines):
            value = record.get(field) if isinstance(record, dict) else None
            if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
                raise ValueError(f"line {number}: {field} is not a number")
            total += value
    return total
