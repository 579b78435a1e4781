import re

import pytest

from variables import parse_age, parse_height, parse_yes_no


@pytest.mark.parametrize(
    ("text", "expected"),
    [("42", 42), ("  42 ", 42), ("0", 0), ("120", 120)],
    ids=["plain", "spaces-around", "zero", "old"],
)
def test_parse_age_returns_an_int(text, expected):
    age = parse_age(text)
    assert type(age) is int, f"parse_age({text!r}) should return an int, got {type(age).__name__}"
    assert age == expected


@pytest.mark.parametrize("text", ["4.5", "forty", ""], ids=["decimal", "word", "empty"])
def test_parse_age_rejects_text_that_is_not_a_whole_number(text):
    with pytest.raises(ValueError, match=re.escape(repr(text))):
        parse_age(text)


@pytest.mark.parametrize("text", ["-1", "-3"], ids=["minus-one", "minus-three"])
def test_parse_age_rejects_a_negative_age(text):
    with pytest.raises(ValueError, match="age must not be negative"):
        parse_age(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1.80", 1.8), (" 1.65", 1.65), ("2", 2.0), ("0.52", 0.52)],
    ids=["decimal", "space-before", "whole-number", "newborn-under-one-metre"],
)
def test_parse_height_returns_a_float(text, expected):
    height = parse_height(text)
    assert type(height) is float, f"parse_height({text!r}) should return a float, got {type(height).__name__}"
    assert height == expected


@pytest.mark.parametrize(
    "text",
    ["nan", "inf", "-infinity", "0", "-1.75"],
    ids=["not-a-number", "infinity", "minus-infinity", "zero", "negative"],
)
def test_parse_height_rejects_text_float_accepts_but_that_is_no_height(text):
    with pytest.raises(ValueError, match=re.escape(f"not a height in metres: {text!r}")):
        parse_height(text)


def test_parse_height_rejects_a_comma_decimal():
    with pytest.raises(ValueError, match="could not convert string to float"):
        parse_height("1,80")


@pytest.mark.parametrize(
    "text",
    ["yes", "YES", "Yes", "y", "true", "True", "1", "  yes\n"],
    ids=["yes", "YES", "Yes", "y", "true", "True", "one", "spaces-and-newline"],
)
def test_parse_yes_no_accepts_every_spelling_of_yes(text):
    assert parse_yes_no(text) is True, f"parse_yes_no({text!r}) should be True"


@pytest.mark.parametrize(
    "text",
    ["no", "NO", "n", "false", "False", "0", " no "],
    ids=["no", "NO", "n", "false", "False", "zero", "spaces"],
)
def test_parse_yes_no_turns_no_into_false_not_into_a_truthy_string(text):
    assert parse_yes_no(text) is False, (
        f"parse_yes_no({text!r}) should be False; remember bool({text!r}) is True"
    )


@pytest.mark.parametrize(
    "text",
    ["maybe", "", "oui", "2", "ye", "es", "tru", "yes please", "nope", "y e s"],
    ids=["maybe", "empty", "french", "two", "start-of-yes", "end-of-yes", "start-of-true",
         "yes-and-more", "starts-with-n", "spaces-inside"],
)
def test_parse_yes_no_rejects_an_answer_that_is_neither_yes_nor_no(text):
    with pytest.raises(ValueError, match=re.escape(f"not a yes/no answer: {text!r}")):
        parse_yes_no(text)
