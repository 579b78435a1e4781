import random
import signal
from contextlib import contextmanager

import pytest

from longest_unique_substring import longest_unique_substring


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
    "text, expected",
    [
        ("abcabcbb", "abc"),
        ("pwwkew", "wke"),
        ("dvdf", "vdf"),
        ("abba", "ab"),
        ("tmmzuxt", "mzuxt"),
    ],
    ids=["classic", "answer-in-the-middle", "restart-just-after-repeat",
         "old-repeat-outside-window", "repeat-outside-window-is-ignored"],
)
def test_finds_the_longest_run_without_repeats(text, expected):
    assert longest_unique_substring(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("", ""), ("x", "x"), ("bbbbb", "b"), ("abcdef", "abcdef")],
    ids=["empty", "one-char", "all-the-same", "no-repeats-at-all"],
)
def test_edge_cases(text, expected):
    assert longest_unique_substring(text) == expected


def test_the_leftmost_answer_wins_a_tie():
    assert longest_unique_substring("abcdcbad") == "abcd", "'abcd', 'dcba' and 'cbad' tie"
    assert longest_unique_substring("aab") == "ab"


def test_unicode_and_case_are_respected():
    assert longest_unique_substring("aAbB") == "aAbB"
    assert longest_unique_substring("héllo wörld") == "o wörld", "'o' and 'ö' differ"
    assert longest_unique_substring("🙂🙃🙂") == "🙂🙃"


@pytest.mark.parametrize("value", [b"abc", None, ["a", "b"]], ids=["bytes", "none", "list"])
def test_non_strings_are_rejected(value):
    with pytest.raises(TypeError, match=f"^expected a str, got {type(value).__name__}$"):
        longest_unique_substring(value)


def slow_longest(text):
    """Try every length from the longest down, every start from the left."""
    for length in range(len(text), 0, -1):
        for start in range(len(text) - length + 1):
            window = text[start:start + length]
            if len(set(window)) == length:
                return window
    return ""


def test_agrees_with_a_slow_check_on_random_texts():
    rng = random.Random(5)
    for _ in range(300):
        text = "".join(rng.choice("abcd") for _ in range(rng.randint(0, 15)))
        assert longest_unique_substring(text) == slow_longest(text), f"text was {text!r}"


def test_a_long_answer_at_every_start_is_still_one_pass(time_limit):
    half = "".join(chr(0x10000 + i) for i in range(30_000))  # 30 000 different characters
    with time_limit(2):
        answer = longest_unique_substring(half + half)
    assert answer == half, "every start in the first half begins a 30 000 character run; the first one wins"
    # Restarting the scan at each start (even stopping once the rest is too short to win) reads
    # 30 000 characters for each of 30 000 starts: 900 million steps instead of 60 000.


def test_a_long_text_of_all_different_characters_is_fast(time_limit):
    text = "".join(chr(0x10000 + i) for i in range(100_000))  # all distinct
    with time_limit(2):
        answer = longest_unique_substring(text + text[:10])
    assert answer == text, "expected the first 100 000 characters (the leftmost longest run)"
