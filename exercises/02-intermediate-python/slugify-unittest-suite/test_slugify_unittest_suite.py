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


def _fold(text: str) -> str:
    """Accented letters to plain ones (NFKD splits 'é' into 'e' + an accent), then ASCII only."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def build_slugify(
    *,
    to_ascii=_fold,
    lower: str = "before",
    dropped: str | None = None,
    separators: str = r"[^a-z0-9]+",
    trim_ends=lambda slug: slug.strip("-"),
    allow_empty: bool = False,
    error: type[Exception] = ValueError,
    message: str = "nothing to slugify in {!r}",
    limit_given=lambda limit: limit is not None,
    limit_rejected=lambda limit: limit < 1,
    cut=lambda slug, limit: slug[:limit].rstrip("-"),
    cut_the_text_instead: bool = False,
):
    """The real slugify (same as slugs.py), or a copy with one rule broken."""

    def slugify(text: str, max_length: int | None = None) -> str:
        limited = limit_given(max_length)
        if limited and limit_rejected(max_length):
            raise ValueError("max_length must be at least 1")
        source = text[:max_length] if limited and cut_the_text_instead else text
        slug = to_ascii(source)
        if lower == "before":
            slug = slug.lower()
        if dropped:
            slug = re.sub(dropped, "", slug)
        slug = re.sub(separators, "-", slug)
        if lower == "after":
            slug = slug.lower()
        slug = trim_ends(slug)
        if not slug.strip("-"):
            if allow_empty:
                return ""
            raise error(message.format(text))
        if limited and not cut_the_text_instead:
            slug = cut(slug, max_length)
        return slug

    return slugify


REAL = build_slugify()

# Broken copies, grouped by the part of the docstring they get wrong. Your tests are told how
# many copies of each kind got past them, never which bug a copy has: a suite that checks every
# promise of the docstring catches them all without knowing them.
KINDS = {
    "accents": ("accents and letters outside a-z", [
        build_slugify(to_ascii=lambda text: text.encode("ascii", "ignore").decode("ascii")),
        build_slugify(to_ascii=lambda text: unicodedata.normalize("NFKD", text)),
    ]),
    "letter-case": ("lower case", [
        build_slugify(lower="never", separators=r"[^A-Za-z0-9]+"),
        build_slugify(lower="after"),
    ]),
    "separators": ("the characters that become a '-'", [
        build_slugify(separators=r"[^a-z0-9]"),
        build_slugify(separators=r"\W+"),
        build_slugify(dropped=r"[^a-z0-9\s]", separators=r"\s+"),
    ]),
    "ends": ("the start and the end of the slug", [
        build_slugify(trim_ends=lambda slug: slug),
        build_slugify(trim_ends=lambda slug: slug.lstrip("-")),
    ]),
    "max-length": ("max_length", [
        build_slugify(cut=lambda slug, limit: slug[: limit - 1].rstrip("-")),
        build_slugify(cut=lambda slug, limit: slug[:limit]),
        build_slugify(cut_the_text_instead=True),
        build_slugify(limit_rejected=lambda limit: limit <= 1),
        build_slugify(limit_given=bool),
        build_slugify(limit_rejected=lambda limit: False),
    ]),
    "the-error": ("the error for a text with nothing to slugify (its type and its message)", [
        build_slugify(allow_empty=True),
        build_slugify(message="bad input"),
        build_slugify(message="nothing to slugify"),
        build_slugify(message="nothing to slugify in {}"),
        build_slugify(error=TypeError),
    ]),
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
        f"{escaped} of the {len(copies)} broken copies of slugify that break a rule about {rule} "
        f"passed all of your {len(good_tests)} working test(s). Read what the docstring promises "
        "about that again, and make sure each promise has a test that a slip there would fail."
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
    with pytest.raises(ValueError, match="^nothing to slugify in '!!!'$"):
        REAL("!!!")
