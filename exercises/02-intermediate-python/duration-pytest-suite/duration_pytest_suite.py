"""Testing with pytest: YOU write the tests for parse_duration.

durations.py (next to this file) holds `parse_duration`, which turns "1h30m"
into 5400 seconds. Its docstring is the specification: read it first. Here you
write a pytest test suite for it.

Your suite is graded the way teams judge test quality (mutation testing):
- every one of your tests must pass against the real parse_duration;
- then it is run against about twenty broken copies, each breaking ONE promise
  of the docstring: how the parts add up, letter case, spaces around the text,
  which texts are durations and which are not, and the error for the others.
  For every broken copy, at least one of your tests must fail. The grader tells
  you how many copies of each kind got past your tests, not what their bugs
  are: go through the docstring promise by promise and test each one;
- and the suite must hold at least 5 tests (each parametrize case counts).

Use the pytest tools: plain `assert`, `@pytest.mark.parametrize` with `ids`,
and `pytest.raises(ValueError, match=...)` for the errors, like this:

    def test_rejects_a_unit_it_does_not_know():
        with pytest.raises(ValueError, match="^invalid duration: '5d'$"):
            parse_duration("5d")

Keep the tests plain functions (no fixtures are needed: parse_duration is a
pure function), and keep the import line below as it is: the grader swaps
`parse_duration` in this module for each broken copy.

`pyroad run 2-duration-pytest-suite` grades your suite. To run only your own
tests, use the Python pyroad uses for this workspace, the one that has pytest
(`pyroad doctor` prints its path; a plain `python -m pytest` may pick a Python
without pytest). From the workspace folder, when pyroad made its own venv:

    .pyroad/venv/bin/python -m pytest exercises/02-intermediate-python/duration-pytest-suite/duration_pytest_suite.py

(on Windows: `.pyroad\\venv\\Scripts\\python.exe -m pytest exercises\\...`).
"""

import pytest

from durations import parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("45s", 45), ("2m", 120), ("3h", 10800)],
    ids=["seconds", "minutes", "hours"],
)
def test_parses_each_unit_on_its_own(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


def test_adds_up_several_units() -> None:
    # TODO: "1h30m" and "1h2m3s" (parametrize it if you like).
    raise NotImplementedError


def test_ignores_case_and_surrounding_spaces() -> None:
    # TODO
    raise NotImplementedError


def test_rejects_text_that_is_not_a_duration() -> None:
    # TODO: parametrize over several bad inputs. Think about what the docstring
    #       forbids. Check the type AND the message with pytest.raises(match=...).
    raise NotImplementedError
