"""Grades YOUR properties: they must pass on the real codec and catch broken copies of it.

Your test functions are called directly (no nested pytest run): each @given property runs
with derandomize=True and max_examples=MAX_EXAMPLES, so every run is repeatable, and
`encode`/`decode` are swapped for each implementation in turn.
"""

import inspect

import pytest
from hypothesis import Phase, settings

import hypothesis_rle_properties as learner  # a module object, so pytest does not collect your tests twice
import hyprle_codec

MIN_TESTS = 4
MAX_EXAMPLES = 30


def build_codec(*, drop_last=False, fold_case=False, rstrip=False, max_run=None, empty_pair=False,
                decode_cap=None, min_count=1, check_char=True, error=ValueError):
    """The real codec (same as hyprle_codec.py), or a copy with one promise broken."""

    def encode(text):
        if empty_pair and not text:
            return [("", 0)]
        if rstrip:
            text = text.rstrip()
        pairs = []
        for char in text:
            last = pairs[-1][0] if pairs else None
            same = last is not None and (last.casefold() == char.casefold() if fold_case else last == char)
            if same and (max_run is None or pairs[-1][1] < max_run):
                pairs[-1] = (pairs[-1][0], pairs[-1][1] + 1)
            else:
                pairs.append((char, 1))
        if drop_last and len(pairs) > 1:
            pairs.pop()
        return pairs

    def decode(pairs):
        parts = []
        for char, count in pairs:
            if (check_char and len(char) != 1) or count < min_count:
                raise error(f"bad run: {(char, count)!r}")
            parts.append(char * (count if decode_cap is None else min(count, decode_cap)))
        return "".join(parts)

    return encode, decode


REAL = build_codec()

# Broken copies, grouped by the promise of the docstrings they break. You are told how many
# copies of each kind got past your properties, never which bug a copy has.
KINDS = {
    "round-trip": ("getting the text back from encode's pairs", [
        build_codec(drop_last=True),
        build_codec(fold_case=True),
        build_codec(rstrip=True),
    ]),
    "run-shape": ("what encode's pairs look like (one character, count >= 1, runs never split)", [
        build_codec(max_run=9),
        build_codec(max_run=255),
        build_codec(empty_pair=True),
    ]),
    "long-runs": ("decoding runs of any length", [
        build_codec(decode_cap=99),
    ]),
    "bad-runs": ("the ValueError for a pair decode cannot accept", [
        build_codec(min_count=0),
        build_codec(min_count=-1_000_000),
        build_codec(check_char=False),
        build_codec(error=TypeError),
    ]),
}

_ParameterSet = type(pytest.param(None))
_SKIP_MARKS = {"skip", "skipif", "xfail"}


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
    for name, obj in vars(learner).items():
        if not (name.startswith("test") and callable(obj)):
            continue
        marks = list(getattr(obj, "pytestmark", []))
        if any(mark.name in _SKIP_MARKS for mark in marks):
            continue
        for case_id, kwargs in _expand(marks):
            items.append((f"{name}[{case_id}]" if case_id else name, obj, kwargs))
    return items


@pytest.fixture(autouse=True)
def repeatable_properties(monkeypatch):
    """Each @given property: MAX_EXAMPLES examples, derandomized, no example database, no shrinking."""
    for _, func, _ in _collect():
        current = getattr(func, "_hypothesis_internal_use_settings", None)
        if current is not None:
            monkeypatch.setattr(func, "_hypothesis_internal_use_settings", settings(
                current, max_examples=MAX_EXAMPLES, derandomize=True, database=None, deadline=None,
                phases=[Phase.explicit, Phase.generate], report_multiple_bugs=False,
            ))


def _run_your_tests(monkeypatch, codec, only=None, stop_at_first_failure=False) -> dict[str, str | None]:
    """Run your test cases with `codec` as (encode, decode): {name: None if passed, else why}."""
    encode, decode = codec
    for module in (hyprle_codec, learner):
        monkeypatch.setattr(module, "encode", encode, raising=module is hyprle_codec)
        monkeypatch.setattr(module, "decode", decode, raising=module is hyprle_codec)
    outcomes = {}
    for name, func, kwargs in _collect():
        if only is not None and name not in only:
            continue
        try:
            func(**kwargs)
        except pytest.skip.Exception:
            continue
        except (Exception, pytest.fail.Exception) as error:
            outcomes[name] = f"{type(error).__name__}: {error}".splitlines()[0]
            if stop_at_first_failure:
                break
        else:
            outcomes[name] = None
    return outcomes


_REAL_OUTCOMES: dict[str, str | None] = {}


def _real_outcomes(monkeypatch) -> dict[str, str | None]:
    """Your tests against the real codec, run once per test session."""
    if not _REAL_OUTCOMES:
        _REAL_OUTCOMES.update(_run_your_tests(monkeypatch, REAL))
    return _REAL_OUTCOMES


def test_your_suite_has_enough_tests():
    names = [name for name, _, _ in _collect()]
    assert len(names) >= MIN_TESTS, (
        f"found {len(names)} test(s) ({', '.join(names) or 'none'}); write at least {MIN_TESTS}. "
        "Test functions must be named test_..."
    )


def test_most_of_your_tests_are_properties():
    properties = [name for name, func, _ in _collect() if hasattr(func, "hypothesis")]
    assert len(properties) >= 3, (
        f"only {len(properties)} of your tests use @given ({', '.join(properties) or 'none'}): this "
        "exercise is about properties, so write at least three, each true for EVERY input a strategy draws"
    )


def test_all_your_tests_pass_against_the_real_codec(monkeypatch):
    """A property that fails on correct code is a wrong property."""
    outcomes = _real_outcomes(monkeypatch)
    failed = [f"{name}: {why}" for name, why in outcomes.items() if why is not None]
    assert not failed, (
        "these tests fail against the CORRECT codec, so they claim something the docstrings do not "
        "promise (or are not written yet):\n  " + "\n  ".join(failed)
    )
    assert outcomes, "no test ran"


@pytest.mark.parametrize("kind", list(KINDS), ids=list(KINDS))
def test_your_properties_catch_every_broken_copy_of_this_kind(monkeypatch, kind):
    rule, copies = KINDS[kind]
    good_tests = {name for name, why in _real_outcomes(monkeypatch).items() if why is None}
    escaped = 0
    for broken in copies:
        outcomes = _run_your_tests(monkeypatch, broken, only=good_tests, stop_at_first_failure=True)
        if not any(why is not None for why in outcomes.values()):
            escaped += 1
    assert escaped == 0, (
        f"{escaped} of the {len(copies)} broken copies that break a promise about {rule} passed all of "
        f"your {len(good_tests)} working test(s). Which property would a slip there violate, and does "
        "your strategy draw the inputs that show it (long runs? repeated characters? empty texts?)"
    )


@pytest.mark.parametrize(("text", "pairs"), [("", []), ("aaAb", [("a", 2), ("A", 1), ("b", 1)]), ("x" * 300, [("x", 300)])],
                         ids=["empty", "case-matters", "long-run"])
def test_the_grader_uses_the_same_codec_as_hyprle_codec_py(text, pairs):
    """(A check of this grader itself: its copy of the codec matches the docstrings.)"""
    encode, decode = REAL
    assert encode(text) == pairs == hyprle_codec.encode(text)
    assert decode(pairs) == text
    with pytest.raises(ValueError, match=r"^bad run: \('ab', 2\)$"):
        decode([("ab", 2)])
