"""Grades YOUR tests: they must pass on the real runlength.py and catch broken copies.

Your test functions are called directly (no nested pytest run), with rle_encode and
rle_decode swapped for each implementation in turn. Hypothesis runs with a fixed seed
and a fixed number of examples here, so the grade is the same on every run.
"""

import inspect

import pytest
from hypothesis import HealthCheck, Phase, settings

import runlength

MIN_TESTS = 4
MIN_PROPERTY_TESTS = 3

settings.register_profile(
    "pyroad-grading",
    max_examples=25,
    report_multiple_bugs=False,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
    print_blob=False,
)
settings.load_profile("pyroad-grading")

# Imported AFTER loading the profile: @given takes its settings when it decorates.
import hypothesis_runlength_properties as learner  # noqa: E402  (a module: not collected twice)


# ---------------------------------------------------------------- broken copies

# The real functions, kept here: the copies below call these, never runlength.rle_*,
# which the grader replaces by the copies themselves.
ENCODE, DECODE = runlength.rle_encode, runlength.rle_decode


def encode_dropping_the_last_run(text):
    return ENCODE(text)[:-1]


def encode_ignoring_case(text):
    pairs = []
    for char in text:
        if pairs and pairs[-1][0].lower() == char.lower():
            pairs[-1] = (pairs[-1][0], pairs[-1][1] + 1)
        else:
            pairs.append((char, 1))
    return pairs


def encode_counting_each_character_once(text):
    counts = {}
    for char in text:
        counts[char] = counts.get(char, 0) + 1
    return list(counts.items())


def decode_backwards(pairs):
    return DECODE(list(reversed(pairs)))


def encode_splitting_runs_longer_than_nine(text):
    pairs = []
    for char, count in ENCODE(text):
        while count > 9:
            pairs.append((char, 9))
            count -= 9
        pairs.append((char, count))
    return pairs


def encode_one_pair_per_character(text):
    return [(char, 1) for char in text]


def encode_empty_as_a_zero_run(text):
    return ENCODE(text) or [("", 0)]


def decode_allowing_the_zero_run(pairs):
    return DECODE([pair for pair in pairs if pair != ("", 0)])


def decode_without_checking_counts(pairs):
    return "".join(char * count for char, count in pairs if len(char) == 1 or _raise(char))


def decode_without_checking_characters(pairs):
    if any(count < 1 for _, count in pairs):
        raise ValueError("count must be at least 1")
    return "".join(char * count for char, count in pairs)


def decode_raising_type_error(pairs):
    try:
        return DECODE(pairs)
    except ValueError as error:
        raise TypeError(str(error)) from None


def _raise(char):
    raise ValueError(f"not one character: {char!r}")


KINDS = {
    "round-trip": ("decoding an encoding giving the text back", [
        (encode_dropping_the_last_run, DECODE),
        (encode_ignoring_case, DECODE),
        (encode_counting_each_character_once, DECODE),
        (ENCODE, decode_backwards),
    ]),
    "maximal-runs": ("runs being maximal (neighbouring pairs never share a character)", [
        (encode_splitting_runs_longer_than_nine, DECODE),
        (encode_one_pair_per_character, DECODE),
    ]),
    "counts": ("every count being at least 1 (the empty text has no pairs)", [
        (encode_empty_as_a_zero_run, decode_allowing_the_zero_run),
    ]),
    "decode-errors": ("the ValueError of rle_decode for a bad count or a bad character", [
        (ENCODE, decode_without_checking_counts),
        (ENCODE, decode_without_checking_characters),
        (ENCODE, decode_raising_type_error),
    ]),
}


# ---------------------------------------------------------------- running your tests


def _collect():
    """Every test function of your module, as (name, function)."""
    return [
        (name, obj) for name, obj in vars(learner).items()
        if name.startswith("test") and inspect.isfunction(obj)
    ]


def _run_your_tests(monkeypatch, encode, decode, *, stop_at_first_failure=False):
    """{test name: None if it passed, else why} with these two functions swapped in."""
    monkeypatch.setattr(learner, "rle_encode", encode, raising=False)
    monkeypatch.setattr(learner, "rle_decode", decode, raising=False)
    monkeypatch.setattr(runlength, "rle_encode", encode)
    monkeypatch.setattr(runlength, "rle_decode", decode)
    outcomes = {}
    for name, func in _collect():
        try:
            func()
        except pytest.skip.Exception:
            continue
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as error:  # AssertionError, pytest.fail, an ExceptionGroup...
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
            kind = type(error).__name__
            outcomes[name] = f"{kind}: {first_line}" if first_line else kind
            if stop_at_first_failure:
                break
        else:
            outcomes[name] = None
    return outcomes


_REAL_OUTCOMES = {}


def _outcomes_on_the_real_code(monkeypatch):
    """Your tests against the real runlength.py, run once and remembered."""
    if not _REAL_OUTCOMES:
        _REAL_OUTCOMES.update(_run_your_tests(monkeypatch, ENCODE, DECODE))
    return _REAL_OUTCOMES


def test_your_suite_has_enough_tests_and_property_tests():
    tests = _collect()
    properties = [name for name, func in tests if hasattr(func, "hypothesis")]

    assert len(tests) >= MIN_TESTS, (
        f"found {len(tests)} test function(s); write at least {MIN_TESTS} (named test_...)"
    )
    assert len(properties) >= MIN_PROPERTY_TESTS, (
        f"only {len(properties)} of your tests are property tests "
        f"({', '.join(properties) or 'none'}): write at least {MIN_PROPERTY_TESTS} with @given(...)"
    )


def test_all_your_tests_pass_against_the_real_runlength(monkeypatch):
    outcomes = _outcomes_on_the_real_code(monkeypatch)
    failed = [f"{name}: {why}" for name, why in outcomes.items() if why is not None]

    assert not failed, (
        "these tests fail against the CORRECT runlength.py, so they expect the wrong thing "
        "(or are not written yet):\n  " + "\n  ".join(failed)
    )
    assert outcomes, "no test ran"


@pytest.mark.parametrize("kind", list(KINDS), ids=list(KINDS))
def test_your_tests_catch_every_broken_copy_of_this_kind(monkeypatch, kind):
    promise, copies = KINDS[kind]
    real = _outcomes_on_the_real_code(monkeypatch)
    good_tests = {name for name, why in real.items() if why is None}
    escaped = 0
    for encode, decode in copies:
        outcomes = _run_your_tests(monkeypatch, encode, decode, stop_at_first_failure=True)
        if not any(outcomes.get(name) is not None for name in good_tests):
            escaped += 1

    assert escaped == 0, (
        f"{escaped} of the {len(copies)} broken copies that break the promise of {promise} "
        f"passed all of your {len(good_tests)} working test(s). State that promise as a "
        "property and make sure your strategy produces the inputs where a slip would show."
    )


def test_the_broken_copies_really_are_broken():
    """(A check of this grader itself: each copy gets some input wrong.)"""
    assert encode_dropping_the_last_run("ab") == [("a", 1)]
    assert encode_ignoring_case("aA") == [("a", 2)]
    assert encode_counting_each_character_once("aba") == [("a", 2), ("b", 1)]
    assert decode_backwards([("a", 1), ("b", 1)]) == "ba"
    assert encode_splitting_runs_longer_than_nine("a" * 10) == [("a", 9), ("a", 1)]
    assert encode_one_pair_per_character("aa") == [("a", 1), ("a", 1)]
    assert encode_empty_as_a_zero_run("") == [("", 0)]
    assert decode_without_checking_counts([("a", 0)]) == ""
    assert decode_without_checking_characters([("ab", 2)]) == "abab"
    with pytest.raises(TypeError):
        decode_raising_type_error([("a", 0)])
