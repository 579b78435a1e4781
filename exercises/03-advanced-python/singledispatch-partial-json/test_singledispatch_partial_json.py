import datetime
import decimal
import enum
import functools
import json

import pytest

from singledispatch_partial_json import pretty, render, to_jsonable


class Colour(enum.Enum):
    RED = "red"


class Level(enum.IntEnum):
    HIGH = 3


@pytest.mark.parametrize(
    "value, expected",
    [
        ("héllo", "héllo"),
        (7, 7),
        (-0.5, -0.5),
        (None, None),
        (decimal.Decimal("0.10"), "0.10"),
        (datetime.date(2024, 5, 1), "2024-05-01"),
        (datetime.datetime(2024, 5, 1, 13, 30), "2024-05-01T13:30:00"),
        (Colour.RED, "red"),
        ((1, "a"), [1, "a"]),
        ([], []),
    ],
    ids=["str", "int", "float", "none", "decimal", "date", "datetime", "enum", "tuple", "empty-list"],
)
def test_each_supported_type_is_converted(value, expected):
    result = to_jsonable(value)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize("flag", [True, False], ids=["true", "false"])
def test_booleans_stay_booleans(flag):
    assert to_jsonable(flag) is flag, "bool is a subclass of int: register bool itself so True does not become 1"


def test_an_int_enum_becomes_its_plain_value():
    result = to_jsonable(Level.HIGH)
    assert result == 3 and type(result) is int, "IntEnum members are ints too: convert them to a plain int"


def test_sets_become_sorted_lists():
    words = {"pear", "fig", "apple", "kiwi", "plum", "lime", "date", "yuzu", "nut", "cherry"}
    assert to_jsonable(words) == sorted(words), "set order depends on the hash seed: sort it"
    assert to_jsonable(frozenset({3, 1, 2})) == [1, 2, 3]


def test_nested_structures_are_converted_all_the_way_down():
    data = {"order": {"items": [(decimal.Decimal("1.5"), {datetime.date(2024, 1, 2)})], "paid": True}}
    assert to_jsonable(data) == {"order": {"items": [["1.5", ["2024-01-02"]]], "paid": True}}


def test_the_input_is_not_modified():
    data = {"when": datetime.date(2024, 1, 2), "items": [decimal.Decimal("1")]}
    to_jsonable(data)
    assert data == {"when": datetime.date(2024, 1, 2), "items": [decimal.Decimal("1")]}


@pytest.mark.parametrize("key", [1, None, ("a",)], ids=["int-key", "none-key", "tuple-key"])
def test_dict_keys_must_be_strings(key):
    with pytest.raises(TypeError, match="dict keys must be str"):
        to_jsonable({key: 1})


def test_an_unknown_type_is_a_type_error_naming_it():
    class Point:
        pass

    with pytest.raises(TypeError, match="cannot convert Point to JSON"):
        to_jsonable([Point()])


def test_new_types_can_be_registered_from_outside():
    class Money:
        def __init__(self, cents):
            self.cents = cents

    @to_jsonable.register
    def _(obj: Money):
        return {"cents": obj.cents}

    assert to_jsonable({"price": Money(250)}) == {"price": {"cents": 250}}, (
        "to_jsonable must be a functools.singledispatch function whose list/dict cases call to_jsonable again"
    )


def test_render_sorts_keys_and_keeps_unicode():
    text = render({"b": "café", "a": decimal.Decimal("2.50")})
    assert text == '{"a": "2.50", "b": "café"}'
    assert render({"b": 1, "a": 2}, sort_keys=False) == '{"b": 1, "a": 2}'


def test_pretty_is_render_with_indent_two():
    data = {"x": [1]}
    assert pretty(data) == render(data, indent=2) == json.dumps({"x": [1]}, indent=2)
    assert isinstance(pretty, functools.partial) and pretty.func is render and pretty.keywords == {"indent": 2}


def test_pretty_keywords_can_still_be_overridden():
    data = {"b": 1, "a": 2}
    assert pretty(data, indent=4) == json.dumps(data, indent=4, sort_keys=True), (
        "a partial's preset keyword can be overridden by the caller; a lambda with indent fixed cannot"
    )
    assert pretty(data, sort_keys=False).startswith('{\n  "b"')
