import json
from decimal import Decimal

import pytest

from strict_json_ndjson_reader import iter_ndjson, strict_loads, sum_field


class CountingLines:
    """An iterator of lines that counts how many were pulled, and fails if pulled past `stop`."""

    def __init__(self, lines, stop=None):
        self.lines = iter(lines)
        self.pulled = 0
        self.stop = stop

    def __iter__(self):
        return self

    def __next__(self):
        if self.stop is not None and self.pulled >= self.stop:
            raise AssertionError(f"read past line {self.stop}: read one line at a time, only when asked")
        self.pulled += 1
        return next(self.lines)


# ---------------------------------------------------------------- strict_loads


def test_strict_loads_reads_fractions_as_exact_decimals():
    value = strict_loads('{"amount": 0.10, "rate": 1.5e2, "count": 3, "big": 12345678901234567890}')

    assert value == {"amount": Decimal("0.10"), "rate": Decimal("1.5e2"), "count": 3, "big": 12345678901234567890}, (
        "a number with a fraction or an exponent becomes Decimal (parse_float=Decimal); whole numbers stay int"
    )
    assert str(value["amount"]) == "0.10", "Decimal keeps the text exactly: parse_float=Decimal"
    assert type(value["count"]) is int, "whole numbers stay int"
    assert value["amount"] + strict_loads("0.2") == Decimal("0.30")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("[]", []), ('"Zoë"', "Zoë"), ("null", None), ("true", True), ('{"a": {"b": [1, {"c": 2.5}]}}', {"a": {"b": [1, {"c": Decimal("2.5")}]}})],
    ids=["empty-list", "unicode-string", "null", "true", "nested"],
)
def test_strict_loads_reads_ordinary_json(text, expected):
    assert strict_loads(text) == expected


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_strict_loads_refuses_nan_and_infinity(constant):
    with pytest.raises(ValueError, match=f"^{constant} is not JSON$"):
        strict_loads(f'{{"amount": {constant}}}')
        pytest.fail(f"{constant} is not JSON (RFC 8259), though json.loads accepts it by default: use parse_constant")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('{"amount": 1, "amount": 1000}', "amount"),
        ('{"order": {"id": 1, "to": "a", "to": "b"}}', "to"),
        ('[{"ok": 1}, {"x": 1, "y": 2, "x": 1}]', "x"),
    ],
    ids=["top-level", "nested", "in-a-list-same-value"],
)
def test_strict_loads_refuses_a_duplicate_key(text, key):
    with pytest.raises(ValueError, match=f"^duplicate key '{key}'$"):
        strict_loads(text)
        pytest.fail("a key twice is read as last-wins here and first-wins elsewhere: refuse it (object_pairs_hook)")


def test_strict_loads_allows_the_same_key_in_different_objects():
    assert strict_loads('[{"id": 1}, {"id": 2}]') == [{"id": 1}, {"id": 2}]
    assert strict_loads('{"id": 1, "child": {"id": 2}}') == {"id": 1, "child": {"id": 2}}


@pytest.mark.parametrize("text", ["", "{", "{'a': 1}", "[1,]"], ids=["empty", "unclosed", "single-quotes", "trailing-comma"])
def test_strict_loads_refuses_malformed_json(text):
    with pytest.raises(json.JSONDecodeError):
        strict_loads(text)


# ---------------------------------------------------------------- iter_ndjson


def test_iter_ndjson_numbers_every_line_like_an_editor():
    lines = ['{"id": 1}\n', "\n", "   \n", '{"id": 2}\r\n', "[3]"]

    assert list(iter_ndjson(lines)) == [(1, {"id": 1}), (4, {"id": 2}), (5, [3])], (
        "skip blank lines but count them, so 'line 4' is line 4 in an editor"
    )


def test_iter_ndjson_removes_a_byte_order_mark_on_the_first_line():
    assert list(iter_ndjson(['\ufeff{"id": 1}\n', '{"id": 2}\n'])) == [(1, {"id": 1}), (2, {"id": 2})]


def test_iter_ndjson_keeps_a_bom_elsewhere_as_an_error():
    with pytest.raises(ValueError, match="^line 2: "):
        list(iter_ndjson(['{"id": 1}\n', '\ufeff{"id": 2}\n']))
        pytest.fail("a byte order mark belongs only at the very start of a file: elsewhere it is corrupt data")


def test_iter_ndjson_is_lazy():
    lines = CountingLines(['{"id": 1}\n', '{"id": 2}\n', '{"id": 3}\n'], stop=2)

    values = iter_ndjson(lines)
    assert lines.pulled == 0, "calling iter_ndjson reads nothing yet: make it a generator"
    assert next(values) == (1, {"id": 1})
    assert lines.pulled == 1, "one value needs one line"
    assert next(values) == (2, {"id": 2})


@pytest.mark.parametrize(
    ("bad", "message"),
    [("{not json}", "line 3: Expecting property name"), ('{"a": NaN}', "line 3: NaN is not JSON"), ('{"a": 1, "a": 2}', "line 3: duplicate key 'a'")],
    ids=["malformed", "nan", "duplicate-key"],
)
def test_iter_ndjson_names_the_line_of_an_error(bad, message):
    values = iter_ndjson(['{"id": 1}\n', "\n", bad + "\n", '{"id": 4}\n'])

    assert next(values) == (1, {"id": 1}), "the good lines before the bad one are still given out"
    with pytest.raises(ValueError, match=f"^{message}") as excinfo:
        next(values)
    assert isinstance(excinfo.value.__cause__, ValueError), "chain it: raise ValueError(f'line {n}: {exc}') from exc"


def test_iter_ndjson_of_nothing_is_empty():
    assert list(iter_ndjson([])) == []
    assert list(iter_ndjson(["\n", "  "])) == []


# ---------------------------------------------------------------- sum_field


def test_sum_field_adds_exactly(tmp_path):
    path = tmp_path / "payments.jsonl"
    path.write_text('{"id": 1, "amount": 0.1}\n{"id": 2, "amount": 0.2}\n\n{"id": 3, "amount": 7}\n', encoding="utf-8")

    total = sum_field(path, "amount")

    assert total == Decimal("7.3") and isinstance(total, Decimal), "0.1 + 0.2 + 7 is exactly 7.3 with Decimal, not 7.300000000000001"


def test_sum_field_of_an_empty_file_is_zero(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")

    assert sum_field(path, "amount") == Decimal(0)


def test_sum_field_reads_the_file_as_utf8(tmp_path):
    path = tmp_path / "names.jsonl"
    path.write_bytes('\ufeff{"name": "Zoë", "amount": 1.5}\n'.encode("utf-8"))

    assert sum_field(path, "amount") == Decimal("1.5")


@pytest.mark.parametrize(
    "record",
    ['{"amount": true}', '{"amount": "12.50"}', '{"amount": null}', '{"id": 3}', "[1, 2]", '"amount"'],
    ids=["bool", "string", "null", "missing", "a-list", "a-string"],
)
def test_sum_field_refuses_a_value_that_is_not_a_number(tmp_path, record):
    path = tmp_path / "payments.jsonl"
    path.write_text(f'{{"amount": 1}}\n\n{record}\n', encoding="utf-8")

    with pytest.raises(ValueError, match="^line 3: amount is not a number$"):
        sum_field(path, "amount")
        pytest.fail(f"{record} has no number in amount (and True is an int to isinstance: test bool first)")


def test_sum_field_passes_errors_on_with_their_line(tmp_path):
    path = tmp_path / "payments.jsonl"
    path.write_text('{"amount": 1}\n{"amount": 1, "amount": 2}\n', encoding="utf-8")

    with pytest.raises(ValueError, match="^line 2: duplicate key 'amount'$"):
        sum_field(path, "amount")
