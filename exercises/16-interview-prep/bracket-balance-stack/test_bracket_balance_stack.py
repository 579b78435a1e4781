import re
import signal
from contextlib import contextmanager

import pytest

from bracket_balance_stack import check_brackets, is_balanced


@pytest.fixture
def time_limit():
    """Turn a too-slow solution into a readable failure instead of a hang.

    Usage: `with time_limit(2): ...`. On systems without SIGALRM (Windows)
    the block simply runs without a limit.
    """

    @contextmanager
    def limit(seconds: float):
        if not hasattr(signal, "setitimer"):
            yield
            return

        def too_slow(signum, frame):
            raise TimeoutError(
                f"still running after {seconds} s on a large input, where an efficient "
                "solution needs a fraction of a second: look for a scan of the whole "
                "data (a loop, `in` on a list, list.remove, list.index) repeated inside a loop"
            )

        previous = signal.signal(signal.SIGALRM, too_slow)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    return limit


@pytest.mark.parametrize(
    "text",
    ["", "()", "([]{})", "f(a[0], {'k': 1})", "no brackets at all", "((é)) ☃ [🙂]", "Xmas <list> (x2)"],
    ids=["empty", "one-pair", "nested-mixed", "code-like", "no-brackets", "unicode-around",
         "angle-brackets-and-letters-are-ignored"],
)
def test_balanced_text_passes_the_check(text):
    assert check_brackets(text) is None
    assert is_balanced(text) is True


@pytest.mark.parametrize(
    "text, message",
    [
        ("(a]", "unexpected ']' at index 2"),
        (")(", "unexpected ')' at index 0"),
        ("([)]", "unexpected ')' at index 2"),
        ("{x}}", "unexpected '}' at index 3"),
    ],
    ids=["wrong-closer", "closer-before-any-opener", "crossed-pairs", "one-closer-too-many"],
)
def test_a_wrong_closing_bracket_is_reported_with_its_index(text, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        check_brackets(text)
    assert is_balanced(text) is False


@pytest.mark.parametrize(
    "text, message",
    [
        ("(", "unclosed '(' at index 0"),
        ("([]", "unclosed '(' at index 0"),
        ("{ ( [", "unclosed '[' at index 4"),
        ("((", "unclosed '(' at index 1"),
        ("(()(", "unclosed '(' at index 3"),
    ],
    ids=["single-opener", "outer-left-open", "innermost-is-reported", "same-bracket-twice",
         "same-bracket-after-a-closed-pair"],
)
def test_brackets_left_open_report_the_innermost_one(text, message):
    with pytest.raises(ValueError) as caught:
        check_brackets(text)
    assert str(caught.value) == message, (
        "report the innermost bracket left open at ITS index: keep (char, index) on the stack "
        "(text.index(char) finds the first such bracket, which may have been closed long ago)"
    )
    assert is_balanced(text) is False


@pytest.mark.parametrize("value", [None, 42], ids=["none", "int"])
def test_is_balanced_lets_errors_other_than_value_error_through(value):
    try:
        result = is_balanced(value)
    except TypeError:
        return
    pytest.fail(
        f"is_balanced({value!r}) returned {result!r} instead of raising TypeError: catch only the ValueError "
        "of check_brackets; `except Exception` hides the caller's bug behind an ordinary False"
    )


def test_the_first_problem_wins_when_there_are_several():
    with pytest.raises(ValueError, match=r"^unexpected '\]' at index 1$"):
        check_brackets("(])))(((")


def test_very_deep_nesting_works_without_recursion(time_limit):
    depth = 50_000
    text = "(" * depth + "[" + "]" + ")" * depth
    with time_limit(2):
        assert is_balanced(text) is True
        assert is_balanced(text + ")") is False
        with pytest.raises(ValueError, match=re.escape(f"unclosed '(' at index {depth - 1}")):
            check_brackets("(" * depth)
