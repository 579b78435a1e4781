import copy
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from enum import Enum

import pytest

from singledispatch_json_encoder import encode, to_jsonable


class Colour(Enum):
    RED = "red"
    BLUE = 2


@dataclass(frozen=True)
class Line:
    sku: str
    price: Decimal
    tags: frozenset = frozenset()


@dataclass
class Order:
    id: int
    placed: datetime
    lines: list = field(default_factory=list)
    note: str | None = None


PARIS = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    "value, expected",
    [
        ("héllo ✓", "héllo ✓"),
        (42, 42),
        (-0.5, -0.5),
        (None, None),
        (True, True),
        (Decimal("19.99"), "19.99"),
        (Decimal("1E+3"), "1E+3"),
        (date(2026, 2, 28), "2026-02-28"),
        (datetime(2026, 2, 28, 9, 30, tzinfo=timezone.utc), "2026-02-28T09:30:00+00:00"),
        (datetime(2026, 2, 28, 9, 30, tzinfo=PARIS), "2026-02-28T09:30:00+01:00"),
        (Colour.RED, "red"),
        (Colour.BLUE, 2),
        (b"\x00\xffhi", "AP9oaQ=="),
        ((1, "a"), [1, "a"]),
        ([], []),
        ({}, {}),
    ],
    ids=["unicode text", "int", "float", "None", "a bool stays a bool", "Decimal as text, exactly",
         "Decimal exponent", "date", "aware datetime", "another offset", "enum by value", "int enum",
         "bytes as base64", "tuple", "empty list", "empty dict"],
)
def test_values_become_json_values(value, expected):
    result = to_jsonable(value)
    assert result == expected and type(result) is type(expected), (
        f"{value!r} should become {expected!r} ({type(expected).__name__}), got {result!r}"
    )


def test_a_decimal_keeps_every_digit():
    assert encode(Decimal("0.1000000000000000055511151231257827")) == '"0.1000000000000000055511151231257827"', (
        "a float would round the price: write Decimals as str(value)"
    )


def test_datetimes_are_not_handled_as_plain_dates():
    result = to_jsonable(datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
    assert result == "2026-01-02T03:04:05+00:00", "datetime is a subclass of date: register a handler for each"


def test_nested_structures_are_converted_all_the_way_down():
    order = Order(7, datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc),
                  [Line("A-1", Decimal("2.50"), frozenset({"gift"})), Line("B-2", Decimal("10"))],
                  note=None)
    assert to_jsonable({"orders": [order], "colour": Colour.RED}) == {
        "orders": [{
            "id": 7,
            "placed": "2026-03-01T12:00:00+00:00",
            "lines": [{"sku": "A-1", "price": "2.50", "tags": ["gift"]},
                      {"sku": "B-2", "price": "10", "tags": []}],
            "note": None,
        }],
        "colour": "red",
    }, "every container converts its items by calling to_jsonable again, at every depth"


def test_a_type_registered_later_works_inside_containers():
    class Money:
        def __init__(self, cents):
            self.cents = cents

    @to_jsonable.register(Money)
    def _(value):
        return f"{value.cents / 100:.2f} EUR"

    assert to_jsonable([{"total": Money(1999)}, (Money(5),)]) == [{"total": "19.99 EUR"}, ["0.05 EUR"]], (
        "containers must call to_jsonable itself (not a private helper), so new types plug in"
    )


@pytest.mark.parametrize(
    "value, expected",
    [({"pear", "apple", "fig", "banana", "cherry"}, ["apple", "banana", "cherry", "fig", "pear"]),
     (frozenset({3, 1, 2, 10}), [1, 10, 2, 3]),
     ({"b", 1, None}, ['b', 1, None]),
     ({Colour.BLUE, Colour.RED}, ["red", 2]),
     ({Line("a", Decimal("9")), Line("b", Decimal("1"))},
      [{"sku": "b", "price": "1", "tags": []}, {"sku": "a", "price": "9", "tags": []}])],
    ids=["strings", "numbers, by their text", "mixed: '\"b\"' < '1' < 'null'", "enums",
         "dataclasses, by their text with sorted keys"],
)
def test_sets_come_out_in_a_fixed_order(value, expected):
    assert to_jsonable(value) == expected, (
        "a set's order depends on the hash seed: sort the converted items by their json.dumps text"
    )


@pytest.mark.parametrize(
    "value, message",
    [(float("nan"), "JSON has no nan"), (float("inf"), "JSON has no inf"), (Decimal("NaN"), "JSON has no NaN"),
     (Decimal("-Infinity"), "JSON has no -Infinity"),
     (datetime(2026, 1, 1, 8, 0), "a naive datetime is ambiguous: 2026-01-01T08:00:00")],
    ids=["float NaN", "float infinity", "Decimal NaN", "Decimal -Infinity", "naive datetime"],
)
def test_values_json_can_not_hold_are_refused(value, message):
    with pytest.raises(ValueError, match=message):
        to_jsonable(value)


@pytest.mark.parametrize(
    "value, message",
    [({1: "a", "1": "b"}, "JSON object keys must be strings"), ({(1, 2): "x"}, "JSON object keys must be strings"),
     (object(), "cannot convert object to JSON"), ([1, {2, 3}, complex(1, 2)], "cannot convert complex to JSON"),
     (Order, "cannot convert type to JSON")],
    ids=["int keys would collide with '1'", "tuple keys", "an unknown type", "deep inside", "a dataclass class"],
)
def test_unsupported_values_raise_type_error(value, message):
    with pytest.raises(TypeError, match=message):
        to_jsonable(value)


def test_the_input_is_not_changed():
    data = {"lines": [Line("A", Decimal("1"))], "tags": {"b", "a"}, "when": date(2026, 1, 1)}
    before = copy.deepcopy(data)
    to_jsonable(data)
    assert data == before, "a pure function: build new containers, never convert in place"


def test_encode_is_compact_sorted_and_keeps_unicode():
    text = encode({"b": [1, 2], "a": "zoë", "c": {"y": None, "x": True}})
    assert text == '{"a":"zoë","b":[1,2],"c":{"x":true,"y":null}}'


def test_encode_gives_the_same_text_for_equal_data():
    assert encode({"x": {3, 1, 2}, "y": 1}) == encode({"y": 1, "x": {2, 3, 1}})


def test_encode_refuses_nan_even_from_a_registered_type():
    class Sensor:
        pass

    @to_jsonable.register(Sensor)
    def _(value):
        return float("nan")

    with pytest.raises(ValueError):
        encode({"reading": Sensor()})
