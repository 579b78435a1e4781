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

# The grammar of a valid duration, checked with fullmatch on the cleaned text, and the pattern of
# one part ("90m"). `(?!\Z)` at the start: at least one part must be there.
_EXACT = r"(?!\Z)(?:\d+h)?(?:\d+m)?(?:\d+s)?"
_PART = r"(\d+)([hms])"


def build_parse_duration(
    *,
    seconds_per: tuple[int, int, int] = (3600, 60, 1),
    only_last_part: bool = False,
    clean=lambda text: text.strip().lower(),
    grammar: str = _EXACT,
    part: str = _PART,
    number=int,
    empty_is_zero: bool = False,
    error: type[Exception] = ValueError,
    message: str = "invalid duration: {!r}",
):
    """The real parse_duration (same as durations.py), or a copy with one rule broken."""
    unit_seconds = dict(zip("hms", seconds_per))

    def parse_duration(text: str) -> int:
        cleaned = clean(text)
        if empty_is_zero and not cleaned.strip():
            return 0
        if not re.fullmatch(grammar, cleaned):
            raise error(message.format(text))
        amounts = [number(amount or 0) * unit_seconds[unit] for amount, unit in re.findall(part, cleaned)]
        return int(amounts[-1] if only_last_part else sum(amounts))

    return parse_duration


REAL = build_parse_duration()

# Broken copies, grouped by the part of the docstring they get wrong. Your tests are told how
# many copies of each kind got past them, never which bug a copy has: a suite that checks every
# promise of the docstring catches them all without knowing them.
KINDS = {
    "adding-up": ("how the parts add up to seconds", [
        build_parse_duration(seconds_per=(3600, 1, 1)),
        build_parse_duration(seconds_per=(60, 60, 1)),
        build_parse_duration(seconds_per=(3600, 60, 0)),
        build_parse_duration(only_last_part=True),
    ]),
    "letter-case": ("upper- and lower-case letters", [
        build_parse_duration(clean=lambda text: text.strip()),
        build_parse_duration(clean=lambda text: text.strip().replace("H", "h")),
    ]),
    "surrounding-spaces": ("spaces around the text", [
        build_parse_duration(clean=lambda text: text.lower()),
        build_parse_duration(clean=lambda text: text.lstrip().lower()),
    ]),
    "accepted-texts": ("which texts are durations and which are not", [
        build_parse_duration(grammar=r"(?:\d+[hms])+"),
        build_parse_duration(grammar=r"(?!\Z)(?:\d+h)*(?:\d+m)*(?:\d+s)*"),
        build_parse_duration(empty_is_zero=True),
        build_parse_duration(grammar=r"(?!\Z)(?:\d*h)?(?:\d*m)?(?:\d*s)?", part=r"(\d*)([hms])"),
        build_parse_duration(grammar=r"(?!\Z)(?:\d+(?:\.\d+)?h)?(?:\d+(?:\.\d+)?m)?(?:\d+(?:\.\d+)?s)?",
                             part=r"(\d+(?:\.\d+)?)([hms])", number=float),
        build_parse_duration(grammar=r"(?!\Z)(?:[-+]?\d+h)?(?:[-+]?\d+m)?(?:[-+]?\d+s)?",
                             part=r"([-+]?\d+)([hms])"),
        build_parse_duration(grammar=r"\d+h(?:\d+m(?:\d+s)?)?|\d+m(?:\d+s)?|\d+s"),
        build_parse_duration(grammar=r"(?!\Z)(?:\d{1,2}h)?(?:\d{1,2}m)?(?:\d{1,2}s)?"),
        build_parse_duration(clean=lambda text: text.strip().lower().replace(" ", "")),
    ]),
    "the-error": ("the error for a text that is not a duration (its type and its message)", [
        build_parse_duration(message="bad input"),
        build_parse_duration(message="invalid duration"),
        build_parse_duration(message="invalid duration: {}"),
        build_parse_duration(error=TypeError),
    ]),
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


@pytest.mark.parametrize("kind", list(KINDS), ids=list(KINDS))
def test_your_tests_catch_every_broken_copy_of_this_kind(monkeypatch, kind):
    """Every broken copy of this kind makes at least one of your (working) tests fail."""
    rule, copies = KINDS[kind]
    good_tests = {name for name, why in _run_your_tests(monkeypatch, REAL).items() if why is None}
    escaped = 0
    for broken in copies:
        outcomes = _run_your_tests(monkeypatch, broken)
        if not any(outcomes.get(name) is not None for name in good_tests):
            escaped += 1
    assert escaped == 0, (
        f"{escaped} of the {len(copies)} broken copies of parse_duration that break a rule about {rule} "
        f"passed all of your {len(good_tests)} working test(s). Read what the docstring promises "
        "about that again, and make sure each promise has a test that a slip there would fail."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1h30m", 5400), (" 45S ", 45), ("1h2m3s", 3723)],
    ids=["hours-and-minutes", "spaces-and-case", "all-units"],
)
def test_the_grader_uses_the_same_parse_duration_as_durations_py(text, expected):
    """(A check of this grader itself: its copy of parse_duration matches the docstring.)"""
    assert REAL(text) == expected
    with pytest.raises(ValueError, match=r"^invalid duration: '30m1h'$"):
        REAL("30m1h")
