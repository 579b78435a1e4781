"""Reads your docstrings the way documentation tools do, and runs your doctests."""

import ast
import builtins
import doctest
import inspect
import io
import re
import textwrap
import tokenize

import pytest

import timeslot_docstrings
from timeslot_docstrings import format_hhmm, free_slots, parse_hhmm

PUBLIC = ["parse_hhmm", "format_hhmm", "free_slots"]
SECTION_NAMES = {
    "Args": "Args", "Arguments": "Args",
    "Returns": "Returns", "Return": "Returns",
    "Raises": "Raises",
    "Examples": "Examples", "Example": "Examples",
    "Note": "Note", "Notes": "Note",
}
ARG_ENTRY = re.compile(r"^\*{0,2}(?P<name>\w+)\s*(?:\([^)]*\))?\s*:\s*(?P<text>.*)$")
RAISES_ENTRY = re.compile(r"^(?P<name>[A-Za-z_][\w.]*)\s*:\s*(?P<text>.*)$")


def docstring_of(name: str) -> str:
    doc = inspect.getdoc(getattr(timeslot_docstrings, name))
    assert doc, f"{name}() has no docstring: put a triple-quoted string as the first line of its body"
    return doc


def sections(doc: str) -> dict[str, list[str]]:
    """Split a Google-style docstring into {section: its lines, dedented}."""
    found: dict[str, list[str]] = {}
    current = None
    for line in doc.splitlines():
        header = line.strip().removesuffix(":")
        if line and not line[0].isspace() and line.rstrip().endswith(":") and header in SECTION_NAMES:
            current = SECTION_NAMES[header]
            found[current] = []
        elif line and not line[0].isspace():
            current = None
        elif current is not None:
            found[current].append(line)
    return {name: textwrap.dedent("\n".join(lines)).strip("\n").splitlines() for name, lines in found.items()}


def entries(lines: list[str], pattern: re.Pattern) -> list[tuple[str, str]]:
    """(name, description) for each entry; indented lines continue the entry above."""
    result: list[list[str]] = []
    for line in lines:
        if not line.strip():
            continue
        if not line[0].isspace():
            match = pattern.match(line)
            assert match, f"cannot read the entry {line!r}: write it as `name: description`"
            result.append([match["name"], match["text"].strip()])
        elif result:
            result[-1][1] += " " + line.strip()
    return [(name, text) for name, text in result]


def section(name: str, wanted: str) -> list[str]:
    found = sections(docstring_of(name))
    assert wanted in found, (
        f"the docstring of {name}() has no `{wanted}:` section (found: {sorted(found) or 'none'}). "
        f"Put `{wanted}:` on its own line, at the docstring's indentation, with the entries indented below it"
    )
    return found[wanted]


def raised_exceptions(name: str) -> set[str]:
    """Names of the exceptions a function raises itself: `raise ValueError(...)`."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(getattr(timeslot_docstrings, name))))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(exc, ast.Name):
                names.add(exc.id)
    return names


def reachable_exceptions(name: str, visited: frozenset = frozenset()) -> set[str]:
    """What a function raises itself or through the functions of this module that it calls."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(getattr(timeslot_docstrings, name))))
    names = raised_exceptions(name)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            callee = getattr(timeslot_docstrings, node.func.id, None)
            is_ours = inspect.isfunction(callee) and callee.__module__ == timeslot_docstrings.__name__
            if is_ours and node.func.id not in visited | {name}:
                names |= reachable_exceptions(node.func.id, visited | {name})
    return names


# --- the docstrings ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", PUBLIC, ids=PUBLIC)
def test_every_public_function_starts_with_a_one_line_summary(name):
    lines = docstring_of(name).splitlines()
    summary = lines[0]
    ends_with_a_period = summary.endswith(".")
    assert ends_with_a_period, f"the summary line of {name}() should be a sentence ending with '.': {summary!r}"
    assert len(summary) <= 88, f"the summary line of {name}() should fit on one line ({len(summary)} characters)"
    assert len(lines) == 1 or not lines[1].strip(), (
        f"in {name}()'s docstring, leave a blank line after the summary: tools show that line on its own"
    )


@pytest.mark.parametrize("name", PUBLIC, ids=PUBLIC)
def test_args_section_lists_every_parameter_in_signature_order(name):
    documented = entries(section(name, "Args"), ARG_ENTRY)
    parameters = list(inspect.signature(getattr(timeslot_docstrings, name)).parameters)

    assert [arg for arg, _ in documented] == parameters, (
        f"{name}() takes {parameters}, but its Args section documents {[arg for arg, _ in documented]}"
    )
    for arg, text in documented:
        assert text, f"the Args entry for {arg!r} in {name}() has no description"


@pytest.mark.parametrize("name", PUBLIC, ids=PUBLIC)
def test_returns_section_says_what_comes_back(name):
    text = " ".join(section(name, "Returns")).strip()
    assert len(text) >= 5, f"the Returns section of {name}() should describe the result, got {text!r}"


@pytest.mark.parametrize("name", PUBLIC, ids=PUBLIC)
def test_raises_section_names_every_exception_the_function_raises(name):
    documented = dict(entries(section(name, "Raises"), RAISES_ENTRY))
    raised = raised_exceptions(name)

    missing = raised - set(documented)
    assert not missing, f"{name}() raises {sorted(missing)} but its Raises section does not say so"
    for exc, text in documented.items():
        is_exception = isinstance(getattr(builtins, exc, None), type) and issubclass(getattr(builtins, exc), BaseException)
        assert is_exception, f"{exc!r} in {name}()'s Raises section is not an exception class (a typo?)"
        assert text, f"say WHEN {name}() raises {exc}: the entry has no description"


@pytest.mark.parametrize("name", PUBLIC, ids=PUBLIC)
def test_raises_section_names_no_exception_the_function_never_raises(name):
    documented = dict(entries(section(name, "Raises"), RAISES_ENTRY))
    reachable = reachable_exceptions(name)

    never = sorted(set(documented) - reachable)
    assert not never, (
        f"{name}() never raises {never}: a Raises entry is a promise to callers, so list only what the "
        f"function raises itself or through the functions it calls ({sorted(reachable)})"
    )


# --- the doctests --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", PUBLIC, ids=PUBLIC)
def test_every_public_function_has_a_doctest_in_examples(name):
    examples = "\n".join(section(name, "Examples"))
    parsed = doctest.DocTestParser().get_examples(examples)
    assert parsed, f"the Examples section of {name}() has no `>>> ` line followed by its expected output"
    calls_it = any(re.search(rf"\b{name}\(", example.source) for example in parsed)
    assert calls_it, f"the Examples of {name}() never call {name}(...): show how to use THIS function"
    shows_output = any(example.want.strip() for example in parsed)
    assert shows_output, (
        f"no example of {name}() shows a result: put what `>>> {name}(...)` prints on the line below it, "
        "otherwise the doctest checks nothing"
    )


@pytest.mark.parametrize("name", PUBLIC, ids=PUBLIC)
def test_the_doctests_of_every_function_pass(name):
    out = []
    runner = doctest.DocTestRunner(verbose=False)
    finder = doctest.DocTestFinder()
    failed = sum(
        runner.run(test, out=out.append).failed
        for test in finder.find(getattr(timeslot_docstrings, name), name, globs=vars(timeslot_docstrings))
    )
    assert failed == 0, f"a doctest of {name}() fails:\n" + "".join(out)


def test_doctest_testmod_runs_the_whole_module_without_failures():
    failed, attempted = doctest.testmod(timeslot_docstrings, report=False)
    assert failed == 0, "run `python -m doctest -v timeslot_docstrings.py` to see which example fails"
    assert attempted >= len(PUBLIC), f"doctest found only {attempted} example(s) in the module"


# --- the comments --------------------------------------------------------------------------------

# "minutes past noon", "counted from midday"... - but not "not since noon" or "noon is 720".
NOON_AS_ORIGIN = re.compile(r"\b(?:past|since|after|from|relative to)\s+(?:the\s+|12(?::00)?\s+)?(?:noon|midday)\b", re.IGNORECASE)
NEGATION_BEFORE = re.compile(r"\b(?:not|never|nor)\s+(?:\w+\s+)?$", re.IGNORECASE)


def counts_from_noon(comment: str) -> bool:
    """Does the comment claim that the minutes are counted from noon?"""
    return any(
        not NEGATION_BEFORE.search(comment[: match.start()]) for match in NOON_AS_ORIGIN.finditer(comment)
    )


def test_the_comment_that_lies_about_noon_is_fixed_or_gone():
    source = inspect.getsource(timeslot_docstrings)
    comments = [tok.string for tok in tokenize.generate_tokens(io.StringIO(source).readline)
                if tok.type == tokenize.COMMENT]
    liars = [comment for comment in comments if counts_from_noon(comment)]
    assert not liars, (
        f"parse_hhmm counts from midnight, not noon, so this comment lies: {liars[0]!r}. "
        "Fix it (mentioning noon is fine, e.g. 'noon is 720') or delete it"
    )


# --- the behaviour is unchanged --------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "minutes"),
    [("00:00", 0), ("09:30", 570), (" 23:59 ", 1439), ("7:05", 425)],
    ids=["midnight", "morning", "last-minute-with-spaces", "one-digit-hour"],
)
def test_parse_hhmm_still_counts_minutes_since_midnight(text, minutes):
    assert parse_hhmm(text) == minutes
    assert format_hhmm(minutes) == text.strip().zfill(5)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: parse_hhmm("9h30"), ValueError, "expected HH:MM, got '9h30'"),
        (lambda: parse_hhmm("0930"), ValueError, "expected HH:MM, got '0930'"),
        (lambda: parse_hhmm("ab:30"), ValueError, "expected HH:MM, got 'ab:30'"),
        (lambda: parse_hhmm("09:3x"), ValueError, "expected HH:MM, got '09:3x'"),
        (lambda: parse_hhmm("09:5"), ValueError, "expected HH:MM, got '09:5'"),
        (lambda: parse_hhmm("12:60"), ValueError, "time out of range: '12:60'"),
        (lambda: parse_hhmm("24:00"), ValueError, "time out of range: '24:00'"),
        (lambda: format_hhmm(1440), ValueError, "minutes out of range: 1440"),
        (lambda: format_hhmm(-1), ValueError, "minutes out of range: -1"),
        (lambda: format_hhmm(9.5), TypeError, "minutes must be an int, not float"),
        (lambda: free_slots([], day_start="17:00", day_end="09:00"), ValueError, "is not before day_end"),
        (lambda: free_slots([], day_start="12:00", day_end="12:00"), ValueError, "is not before day_end"),
    ],
    ids=[
        "not-hhmm", "no-colon", "hours-not-digits", "minutes-not-digits", "one-digit-minutes", "minute-60",
        "hour-24", "past-midnight", "before-midnight", "float-minutes", "day-backwards", "day-of-no-length",
    ],
)
def test_the_functions_still_raise_the_same_errors(call, error, message):
    with pytest.raises(error, match=re.escape(message)):
        call()


@pytest.mark.parametrize(
    ("busy", "expected"),
    [
        ([], [("09:00", "17:00")]),
        ([("13:00", "14:00"), ("09:15", "10:00")], [("10:00", "13:00"), ("14:00", "17:00")]),
        ([("08:00", "12:00"), ("11:00", "16:40")], []),
        ([("09:30", "16:30")], [("09:00", "09:30"), ("16:30", "17:00")]),
        ([("09:29", "16:31")], []),
    ],
    ids=[
        "empty-day", "unsorted-meetings", "overlapping-meetings-leave-only-20-minutes",
        "gaps-of-exactly-30-minutes-count", "gaps-of-29-minutes-do-not",
    ],
)
def test_free_slots_still_finds_the_gaps(busy, expected):
    assert free_slots(busy) == expected
