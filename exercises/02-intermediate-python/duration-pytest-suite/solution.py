"""Testing with pytest: a test suite for parse_duration."""

import re

import pytest

from durations import parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("45s", 45), ("2m", 120), ("3h", 10800)],
    ids=["seconds", "minutes", "hours"],
)
def test_parses_each_unit_on_its_own(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("1h30m", 5400), ("1h2m3s", 3723), ("1h5s", 3605), ("2m0s", 120), ("0s", 0), ("100m", 6000)],
    ids=["hours-and-minutes", "all-three", "minutes-left-out", "zero-seconds-part", "zero", "three-digits"],
)
def test_adds_up_several_units(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("1H30M", 5400), ("  45s\n", 45), (" 2M ", 120)],
    ids=["upper-case", "spaces-and-newline", "both"],
)
def test_ignores_case_and_surrounding_spaces(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    "text",
    ["", "   ", "5d", "30m1h", "1h1h", "h", "1.5h", "-1h", "1h 30m", " 5D "],
    ids=["empty", "only-spaces", "unknown-unit", "wrong-order", "repeated-unit",
         "no-number", "decimal", "negative", "space-inside", "message-quotes-the-text-as-given"],
)
def test_rejects_text_that_is_not_a_duration(text: str) -> None:
    with pytest.raises(ValueError, match=f"^invalid duration: {re.escape(repr(text))}$"):
        parse_duration(text)
