"""Test-Driven Development: the tests that grew the string calculator, one step at a time."""

import pytest

from calculator import add


def test_step1_an_empty_string_adds_up_to_zero() -> None:
    assert add("") == 0


@pytest.mark.parametrize(("numbers", "total"), [("7", 7), ("42", 42)], ids=["one-digit", "two-digits"])
def test_step2_a_single_number_is_its_own_sum(numbers: str, total: int) -> None:
    assert add(numbers) == total


@pytest.mark.parametrize(
    ("numbers", "total"), [("1,2", 3), ("1,2,3,4,5", 15)], ids=["two-numbers", "five-numbers"]
)
def test_step3_numbers_separated_by_commas_are_added(numbers: str, total: int) -> None:
    assert add(numbers) == total


def test_step4_newlines_separate_numbers_too() -> None:
    assert add("1\n2,3") == 6


@pytest.mark.parametrize(
    ("numbers", "total"),
    [("//;\n1;2", 3), ("//***\n1***2***3", 6), ("//;\n1;2,3\n4", 10)],
    ids=["one-character", "three-characters", "alongside-commas-and-newlines"],
)
def test_step5_a_first_line_sets_a_custom_delimiter(numbers: str, total: int) -> None:
    assert add(numbers) == total


@pytest.mark.parametrize(
    ("numbers", "message"),
    [("-1,2", "negatives not allowed: -1"), ("1,-2,3,-4", "negatives not allowed: -2, -4")],
    ids=["one-negative", "all-negatives-named"],
)
def test_step6_negative_numbers_are_refused_and_all_named(numbers: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        add(numbers)
