"""Grades YOUR tests: they must pass on the real parse_duration and catch broken ones.

Your test functions are called directly (no nested pytest run): parametrize marks are
expanded here, and `parse_duration` is swapped for each implementation in turn.
"""

import inspect
import re

import pytest

import duration_pytest_suite as learner  # a module object, so pytest does not collect your tests twice
import durations

MIN_TESTS = 5

_DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")
_ANY_ORDER = re.compile(r"(?:\d+[hms])+")


def build_parse_duration(
    *,
    hour: int = 3600,
    minute: int = 60,
    strip: bool = True,
    lower: bool = True,
    any_order: bool = False,
    empty_is_zero: bool = False,
    message: str = "invalid duration: {!r}",
):
    """The real parse_duration (same as durations.py), or a copy with one rule broken."""

    def parse_duration(text: str) -> int:
        cleaned = text.strip() if strip else text
        cleaned = cleaned.lower() if lower else cleaned
        if empty_is_zero and not cleaned.strip():
            return 0
        if any_order:
            if not _ANY_ORDER.fullmatch(cleaned):
                raise ValueError(message.format(text))
            units = {unit: int(number) for number, unit in re.findall(r"(\d+)([hms])", cleaned)}
            return units.get("h", 0) * hour + units.get("m", 0) * minute + units.get("s", 0)
        match = _DURATION.fullmatch(cleaned)
        if match is None or not any(match.groups()):
            raise ValueError(message.format(text))
        hours, minutes, seconds = (int(part or 0) for part in match.groups())
        return hours * hour + minutes * minute + seconds

    return parse_duration


REAL = build_parse_duration()

MUTANTS = {
    "minutes-counted-as-seconds": (
        build_parse_duration(minute=1),
        "forgets that a minute is 60 seconds (it returns 3630 for '1h30m')",
    ),
    "hours-counted-as-minutes": (
        build_parse_duration(hour=60),
        "counts an hour as 60 seconds instead of 3600",
    ),
    "spaces-not-stripped": (
        build_parse_duration(strip=False),
        "does not ignore spaces around the text (' 45s ' raises ValueError)",
    ),
    "case-sensitive": (
        build_parse_duration(lower=False),
        "only understands lower-case units ('1H30M' raises ValueError)",
    ),
    "empty-text-is-zero": (
        build_parse_duration(empty_is_zero=True),
        "returns 0 for '' instead of raising ValueError",
    ),
    "units-in-any-order": (
        build_parse_duration(any_order=True),
        "accepts the units in any order ('30m1h' gives 5400 instead of raising ValueError)",
    ),
    "vague-error-message": (
        build_parse_duration(message="bad input"),
        "raises ValueError('bad input'), without the 'invalid duration: ...' message",
    ),
}

_ParameterSet = type(pytest.param(None))
_SKIP_MARKS = {"skip", "skipif", "xfail"}


def _marks(obj) -> list:
    return list(getattr(obj, "pytestmark", []))


def _expand(marks) -> list[tuple[str, dict]]:
    """Turn @pytest.mark.parametrize marks into (id, kwargs) cases, like pytest does."""
    cases = [("", {})]
    for mark in marks:
        if mark.name != "parametrize":
            continue
        params = dict(zip(("argnames", "argvalues"), mark.args)) | dict(mark.kwargs)
        names = params["argnames"]
        if isinstance(names, str):
            names = [name.strip() for name in names.split(",") if name.strip()]
        ids = params.get("ids")
        expanded = []
        for index, value in enumerate(params["argvalues"]):
            case_id = None
            if isinstance(value, _ParameterSet):
                case_id, values = value.id, tuple(value.values)
            elif len(names) == 1:
                values = (value,)
            else:
                values = tuple(value)
            if case_id is None and isinstance(ids, (list, tuple)) and index < len(ids):
                case_id = str(ids[index])
            case_id = case_id or str(index)
            for previous_id, previous in cases:
                joined = f"{previous_id}-{case_id}" if previous_id else case_id
                expanded.append((joined, {**previous, **dict(zip(names, values))}))
        cases = expanded
    return cases


def _collect() -> list[tuple[str, object, dict]]:
    """Every test case in your module, as (name, callable, kwargs)."""
    items = []
    seen = set()

    def add(name, func, marks):
        if any(mark.name in _SKIP_MARKS for mark in marks):
            return
        for case_id, kwargs in _expand(marks):
            full_name = f"{name}[{case_id}]" if case_id else name
            if full_name in seen:  # two cases with the same id: keep them apart
                full_name = f"{full_name}#{len(items)}"
            seen.add(full_name)
            items.append((full_name, func, kwargs))

    for name, obj in vars(learner).items():
        if name.startswith("test") and inspect.isfunction(obj):
            add(name, obj, _marks(obj))
        elif name.startswith("Test") and inspect.isclass(obj) and "__init__" not in vars(obj):
            for method_name, method in vars(obj).items():
                if method_name.startswith("test") and inspect.isfunction(method):
                    bound = getattr(obj(), method_name)
                    add(f"{name}.{method_name}", bound, _marks(obj) + _marks(method))
    return items


def _run_your_tests(monkeypatch, implementation) -> dict[str, str | None]:
    """Run every test case with `implementation` as parse_duration: {name: None if passed, else why}."""
    monkeypatch.setattr(durations, "parse_duration", implementation)
    monkeypatch.setattr(learner, "parse_duration", implementation, raising=False)
    outcomes = {}
    for name, func, kwargs in _collect():
        missing = set(inspect.signature(func).parameters) - set(kwargs)
        if missing:
            outcomes[name] = (f"asks for {sorted(missing)}, which is not a parametrize argument "
                              "(fixtures are not used in this exercise)")
            continue
        try:
            func(**kwargs)
        except pytest.skip.Exception:
            continue
        except (Exception, pytest.fail.Exception) as error:
            outcomes[name] = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        else:
            outcomes[name] = None
    return outcomes


def test_your_suite_has_enough_tests():
    """Your module defines at least five test cases (each parametrize case counts)."""
    names = [name for name, _, _ in _collect()]
    assert len(names) >= MIN_TESTS, (
        f"found {len(names)} test case(s) ({', '.join(names) or 'none'}); write at least {MIN_TESTS}. "
        "Test functions must be named test_..."
    )


def test_all_your_tests_pass_against_the_real_parse_duration(monkeypatch):
    """A test that fails on correct code is a wrong test: every one must pass here."""
    outcomes = _run_your_tests(monkeypatch, REAL)
    failed = [f"{name}: {why}" for name, why in outcomes.items() if why is not None]
    assert not failed, (
        "these tests fail against the CORRECT parse_duration, so they expect the wrong thing "
        "(or are not written yet):\n  " + "\n  ".join(failed)
    )
    assert outcomes, "no test ran"


@pytest.mark.parametrize("mutant", list(MUTANTS), ids=list(MUTANTS))
def test_your_tests_catch_a_broken_parse_duration(monkeypatch, mutant):
    """At least one of your tests fails when parse_duration has this bug."""
    broken, bug = MUTANTS[mutant]
    good_tests = {name for name, why in _run_your_tests(monkeypatch, REAL).items() if why is None}
    caught_by = [
        name for name, why in _run_your_tests(monkeypatch, broken).items()
        if why is not None and name in good_tests
    ]
    assert caught_by, (
        f"none of your {len(good_tests)} working test(s) failed against a broken parse_duration "
        f"that {bug}. Add a test that this bug would make fail."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1h30m", 5400), (" 45S ", 45), ("1h2m3s", 3723)],
    ids=["hours-and-minutes", "spaces-and-case", "all-units"],
)
def test_the_grader_uses_the_same_parse_duration_as_durations_py(text, expected):
    """(A check of this grader itself: its copy of parse_duration matches the docstring.)"""
    assert REAL(text) == expected
    with pytest.raises(ValueError, match=r"invalid duration: '30m1h'"):
        REAL("30m1h")
