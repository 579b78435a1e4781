"""Runs ruff over your module, then checks the behaviour is kept and the two hidden bugs are gone."""

import inspect
import io
import re
import subprocess
import sys
import tokenize

import pytest

import ruff_lint_sensor_readings as sensors

RUFF_ARGS = [
    "check", "--isolated", "--no-cache", "--line-length", "100",
    "--select", "E,F,W,B,D,N,ANN", "--config", "lint.pydocstyle.convention='google'",
    "--output-format", "concise",
]
FUNCTIONS = ["parse_reading", "collect", "average"]


@pytest.fixture(scope="module")
def source() -> str:
    return inspect.getsource(sensors)


def test_ruff_reports_nothing_in_your_module(tmp_path):
    path = inspect.getfile(sensors)
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *RUFF_ARGS, path],
        capture_output=True, text=True, cwd=tmp_path, timeout=15,
    )
    findings = (result.stdout + result.stderr).replace(path, "ruff_lint_sensor_readings.py").strip()
    assert result.returncode == 0, "ruff still finds these problems in your module:\n" + findings


def test_the_linter_is_not_silenced(source):
    comments = [token.string for token in tokenize.generate_tokens(io.StringIO(source).readline)
                if token.type == tokenize.COMMENT]
    assert not any(re.search(r"noqa|ruff\s*:", comment, re.IGNORECASE) for comment in comments), (
        "fix the findings instead of hiding them: remove every `# noqa` / `# ruff: ...` comment"
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [("kitchen=21.5", ("kitchen", 21.5)), (" hall = -3 ", ("hall", -3.0)), ("attic=0", ("attic", 0.0))],
    ids=["plain", "spaces-and-negative", "zero"],
)
def test_parse_reading_splits_name_and_value(line, expected):
    assert sensors.parse_reading(line) == expected


@pytest.mark.parametrize("line", ["oops", "a=b=1", "t=warm", "", "=", "x="], ids=["no-equals", "two-equals", "not-a-number", "empty", "only-equals", "no-value"])
def test_parse_reading_returns_none_for_a_text_that_is_not_a_reading(line):
    assert sensors.parse_reading(line) is None


@pytest.mark.parametrize("line", [None, 42], ids=["none", "int"])
def test_parse_reading_lets_a_caller_bug_propagate(line):
    try:
        result = sensors.parse_reading(line)
    except (AttributeError, TypeError):
        return
    pytest.fail(
        f"parse_reading({line!r}) returned {result!r} instead of raising: only a ValueError means "
        "'not a reading'; catch `except ValueError:` so that a caller's bug (a line that is not a str) "
        "still raises"
    )


def test_parse_reading_does_not_swallow_keyboard_interrupt():
    class Interrupting(str):
        def split(self, *args, **kwargs):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        sensors.parse_reading(Interrupting("a=1"))


def test_parse_reading_catches_only_value_error_not_every_exception():
    class Broken(str):
        def split(self, *args, **kwargs):
            raise RuntimeError("a bug inside split")

    with pytest.raises(RuntimeError, match="a bug inside split"):
        sensors.parse_reading(Broken("a=1"))


def test_collect_keeps_the_readings_and_skips_the_rest():
    assert sensors.collect(["a=1", "junk", "b = 2.5"]) == [("a", 1.0), ("b", 2.5)]


def test_collect_without_into_starts_a_new_list_on_every_call():
    first = sensors.collect(["a=1"])
    second = sensors.collect(["b=2"])
    assert second == [("b", 2.0)], (
        "the second call still holds the first call's readings: a mutable default (`into=[]`) "
        "is created once and shared by every call; use `into=None` and make a new list inside"
    )
    assert first == [("a", 1.0)]


def test_collect_appends_to_the_list_it_is_given_and_returns_that_list():
    existing = [("old", 0.0)]
    result = sensors.collect(["a=1"], existing)
    assert result is existing, "collect must append to the list passed as `into` and return it"
    assert existing == [("old", 0.0), ("a", 1.0)]


def test_collect_keeps_a_given_empty_list():
    given: list = []
    assert sensors.collect(["a=1"], into=given) is given, (
        "an empty list passed as `into` is still the caller's list: test `into is None`, "
        "not `not into` (an empty list is falsy)"
    )


@pytest.mark.parametrize(
    ("readings", "sensor", "expected"),
    [
        ([("a", 1.0), ("b", 5.0), ("a", 2.0)], "a", 1.5),
        ([("b", 5.0)], "b", 5.0),
        ([("a", -1.0), ("a", 1.0)], "a", 0.0),
    ],
    ids=["mixed-sensors", "one-reading", "mean-zero"],
)
def test_average_is_the_mean_of_one_sensors_values(readings, sensor, expected):
    assert sensors.average(readings, sensor) == pytest.approx(expected)


@pytest.mark.parametrize("readings", [[], [("b", 1.0)]], ids=["no-readings", "other-sensor-only"])
def test_average_without_readings_names_the_sensor(readings):
    with pytest.raises(ValueError, match=r"^no readings for 'a'$"):
        sensors.average(readings, "a")


@pytest.mark.parametrize("name", FUNCTIONS)
def test_each_function_documents_every_parameter_under_args(name):
    function = getattr(sensors, name)
    doc = inspect.getdoc(function) or ""
    assert "Args:" in doc and "Returns:" in doc, f"{name}'s docstring needs an Args: and a Returns: section"
    args = doc.split("Args:", 1)[1].split("Returns:", 1)[0]
    for parameter in inspect.signature(function).parameters:
        assert re.search(rf"^\s+{parameter}\b.*:", args, re.MULTILINE), (
            f"{name}'s Args: section has no entry for `{parameter}` (write `{parameter}: what it is.`)"
        )


def test_average_documents_the_error_it_raises():
    doc = inspect.getdoc(sensors.average) or ""
    assert re.search(r"^Raises:\s*\n\s+ValueError\b", doc, re.MULTILINE), (
        "average raises ValueError: its docstring needs a `Raises:` section with `ValueError: ...`"
    )
