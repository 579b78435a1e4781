"""Grades YOUR unittest tests: they must pass on the real slugify and catch broken ones.

Your TestCase is loaded and run in-process with unittest's own loader and a TestResult,
once with the real slugify and once with each broken copy swapped in.
"""

import re
import unicodedata
import unittest

import pytest

import slugify_unittest_suite as learner  # a module object, so pytest does not collect your TestCase
import slugs

MIN_TESTS = 5


def build_slugify(
    *,
    fold_accents: bool = True,
    lower: bool = True,
    collapse: bool = True,
    strip_ends: bool = True,
    allow_empty: bool = False,
    cut_short_by: int = 0,
    trim_after_cut: bool = True,
):
    """The real slugify (same as slugs.py), or a copy with one rule broken."""

    def slugify(text: str, max_length: int | None = None) -> str:
        if max_length is not None and max_length < 1:
            raise ValueError("max_length must be at least 1")
        if fold_accents:
            text_ascii = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
        else:
            text_ascii = text.encode("ascii", "ignore").decode("ascii")
        if lower:
            text_ascii = text_ascii.lower()
        separator = ("[^a-z0-9]" if lower else "[^A-Za-z0-9]") + ("+" if collapse else "")
        slug = re.sub(separator, "-", text_ascii)
        if strip_ends:
            slug = slug.strip("-")
        if not slug.strip("-"):
            if allow_empty:
                return ""
            raise ValueError(f"nothing to slugify in {text!r}")
        if max_length is not None:
            slug = slug[: max_length - cut_short_by]
            if trim_after_cut:
                slug = slug.rstrip("-")
        return slug

    return slugify


REAL = build_slugify()

MUTANTS = {
    "accents-dropped-with-their-letter": (
        build_slugify(fold_accents=False),
        "drops accented letters instead of only their accent ('Crème' gives 'crme')",
    ),
    "upper-case-kept": (
        build_slugify(lower=False),
        "keeps upper-case letters ('Hello World' gives 'Hello-World')",
    ),
    "runs-not-collapsed": (
        build_slugify(collapse=False),
        "turns EACH separator character into a dash ('hello,  world' gives 'hello---world')",
    ),
    "dashes-kept-at-the-ends": (
        build_slugify(strip_ends=False),
        "keeps dashes at the start and the end (' Hello! ' gives '-hello-')",
    ),
    "empty-slug-allowed": (
        build_slugify(allow_empty=True),
        "returns '' for '!!!' instead of raising ValueError",
    ),
    "cut-one-character-short": (
        build_slugify(cut_short_by=1),
        "cuts one character too many (slugify('abcdef', max_length=3) gives 'ab')",
    ),
    "dash-left-dangling-after-the-cut": (
        build_slugify(trim_after_cut=False),
        "leaves a dash at the end after cutting (slugify('hello world', max_length=6) gives 'hello-')",
    ),
}


def _short(test_id: str) -> str:
    """'slugify_unittest_suite.SlugifyTests.test_x' -> 'SlugifyTests.test_x'."""
    return test_id.removeprefix(learner.__name__ + ".")


def _test_ids(suite: unittest.TestSuite) -> list[str]:
    ids = []
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            ids.extend(_test_ids(item))
        else:
            ids.append(_short(item.id()))
    return ids


def _first_error_line(traceback_text: str) -> str:
    """The 'SomeError: message' line of a formatted traceback."""
    lines = traceback_text.rstrip().splitlines()
    frame_lines = [i for i, line in enumerate(lines) if line.startswith("  ")]
    start = frame_lines[-1] + 1 if frame_lines and frame_lines[-1] + 1 < len(lines) else len(lines) - 1
    return lines[start].strip()


def _run_your_tests(monkeypatch, implementation) -> dict[str, str | None]:
    """Run your TestCases with `implementation` as slugify: {test: None if passed, else why}."""
    monkeypatch.setattr(slugs, "slugify", implementation)
    monkeypatch.setattr(learner, "slugify", implementation, raising=False)
    suite = unittest.defaultTestLoader.loadTestsFromModule(learner)
    outcomes: dict[str, str | None] = dict.fromkeys(_test_ids(suite))  # before run() empties the suite
    result = unittest.TestResult()
    suite.run(result)
    for test, _reason in result.skipped:
        outcomes.pop(_short(test.id()), None)
    for test, traceback_text in result.failures + result.errors:
        parent = getattr(test, "test_case", test)  # a failing subTest belongs to its test method
        name = _short(parent.id())
        detail = _short(test.id()).removeprefix(name).strip()
        why = f"{detail} {_first_error_line(traceback_text)}".strip()
        outcomes[name] = why if outcomes.get(name) is None else outcomes[name]
    return outcomes


def test_your_suite_has_enough_test_methods():
    """SlugifyTests (or your other TestCases) hold at least five test_ methods."""
    names = _test_ids(unittest.defaultTestLoader.loadTestsFromModule(learner))
    assert len(names) >= MIN_TESTS, (
        f"found {len(names)} test method(s) ({', '.join(names) or 'none'}); write at least "
        f"{MIN_TESTS}, in a unittest.TestCase subclass, each named test_..."
    )


def test_all_your_tests_pass_against_the_real_slugify(monkeypatch):
    """A test that fails on correct code is a wrong test: every one must pass here."""
    outcomes = _run_your_tests(monkeypatch, REAL)
    failed = [f"{name}: {why}" for name, why in outcomes.items() if why is not None]
    assert not failed, (
        "these tests fail against the CORRECT slugify, so they expect the wrong thing "
        "(or are not written yet):\n  " + "\n  ".join(failed)
    )
    assert outcomes, "no test ran"


@pytest.mark.parametrize("mutant", list(MUTANTS), ids=list(MUTANTS))
def test_your_tests_catch_a_broken_slugify(monkeypatch, mutant):
    """At least one of your tests fails when slugify has this bug."""
    broken, bug = MUTANTS[mutant]
    good_tests = {name for name, why in _run_your_tests(monkeypatch, REAL).items() if why is None}
    caught_by = [
        name for name, why in _run_your_tests(monkeypatch, broken).items()
        if why is not None and name in good_tests
    ]
    assert caught_by, (
        f"none of your {len(good_tests)} working test(s) failed against a broken slugify that "
        f"{bug}. Add a test that this bug would make fail."
    )


@pytest.mark.parametrize(
    ("text", "max_length", "expected"),
    [
        ("Crème Brûlée, 2 ways!", None, "creme-brulee-2-ways"),
        ("hello world", 6, "hello"),
        ("  --Hello--  ", None, "hello"),
    ],
    ids=["docstring-example", "cut", "ends"],
)
def test_the_grader_uses_the_same_slugify_as_slugs_py(text, max_length, expected):
    """(A check of this grader itself: its copy of slugify matches the docstring.)"""
    assert REAL(text, max_length=max_length) == expected
    with pytest.raises(ValueError, match="nothing to slugify in '!!!'"):
        REAL("!!!")
