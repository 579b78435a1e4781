import random
import sys
from contextlib import contextmanager

import pytest

import trie_prefix_autocomplete
from trie_prefix_autocomplete import Autocomplete


@pytest.fixture
def trie():
    trie = Autocomplete()
    for word in ["python", "pytest", "pyroad", "java", "py"]:
        trie.add(word)
    trie.add("pytest", weight=3)
    return trie


def test_the_docstring_example():
    trie = Autocomplete()
    for word in ["python", "pytest", "pyroad", "java"]:
        trie.add(word)
    trie.add("pytest", weight=3)
    assert trie.complete("py") == ["pytest", "pyroad", "python"]
    assert ("py" in trie, "python" in trie, len(trie)) == (False, True, 4)


@pytest.mark.parametrize(
    "prefix, limit, expected",
    [
        ("py", 5, ["pytest", "py", "pyroad", "python"]),
        ("py", 2, ["pytest", "py"]),
        ("pyt", 5, ["pytest", "python"]),
        ("python", 5, ["python"]),
        ("pythons", 5, []),
        ("x", 5, []),
        ("", 3, ["pytest", "java", "py"]),
        ("py", 0, []),
        ("PY", 5, []),
    ],
    ids=["prefix-that-is-a-word", "limit", "longer-prefix", "whole-word", "past-a-word", "no-match", "empty-prefix", "limit-zero", "case-sensitive"],
)
def test_complete(trie, prefix, limit, expected):
    assert trie.complete(prefix, limit) == expected


def test_default_limit_is_five():
    trie = Autocomplete()
    for word in "a1 a2 a3 a4 a5 a6 a7".split():
        trie.add(word)
    assert trie.complete("a") == ["a1", "a2", "a3", "a4", "a5"]


def test_weights_add_up_and_ties_are_alphabetical():
    trie = Autocomplete()
    trie.add("cat", 2)
    trie.add("car", 1)
    trie.add("cab", 3)
    trie.add("car", 2)
    assert trie.complete("ca") == ["cab", "car", "cat"], "car has 1 + 2 = 3, like cab: alphabetical between them"
    assert len(trie) == 3, "adding a word again adds weight, not a second word"


def test_a_prefix_of_a_word_is_not_a_word():
    trie = Autocomplete()
    trie.add("apple")
    assert "apple" in trie
    assert "app" not in trie, "'app' is only a prefix of 'apple': mark the node where a word ends"
    assert "apples" not in trie
    assert "" not in trie
    assert 42 not in trie, "something that is not a str is simply not in the trie"


def test_unicode_words():
    trie = Autocomplete()
    for word in ["café", "cafe", "caféine", "naïve", "日本", "日本語"]:
        trie.add(word)
    assert trie.complete("café") == ["café", "caféine"]
    assert trie.complete("日") == ["日本", "日本語"]


def test_remove_keeps_the_words_that_share_a_prefix():
    trie = Autocomplete()
    for word in ["app", "apple", "apply"]:
        trie.add(word)
    trie.remove("app")
    assert "app" not in trie and "apple" in trie
    assert trie.complete("app") == ["apple", "apply"]
    assert len(trie) == 2
    trie.remove("apple")
    assert trie.complete("a") == ["apply"]
    trie.add("app")
    assert trie.complete("app") == ["app", "apply"], "a removed word can be added again, with a fresh weight"


@pytest.mark.parametrize("word", ["ap", "apps", "zebra", ""], ids=["a-prefix", "longer", "unrelated", "empty"])
def test_removing_a_word_that_is_not_stored_raises_key_error(word):
    trie = Autocomplete()
    trie.add("app")
    with pytest.raises(KeyError, match=repr(word)):
        trie.remove(word)
    assert len(trie) == 1


def test_removed_words_weight_starts_again():
    trie = Autocomplete()
    trie.add("go", 5)
    trie.add("golang", 2)
    trie.remove("go")
    trie.add("go")
    assert trie.complete("go") == ["golang", "go"], "after remove, 'go' comes back with weight 1, not 6"


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda t: t.add(""), r"^word must not be empty$"),
        (lambda t: t.add("x", 0), r"^weight must be positive, got 0$"),
        (lambda t: t.add("x", -2), r"^weight must be positive, got -2$"),
        (lambda t: t.complete("a", -1), r"^limit must be >= 0, got -1$"),
    ],
    ids=["empty-word", "zero-weight", "negative-weight", "negative-limit"],
)
def test_bad_arguments_are_rejected(call, message):
    trie = Autocomplete()
    with pytest.raises(ValueError, match=message):
        call(trie)
    assert len(trie) == 0


def test_two_tries_do_not_share_words():
    first, second = Autocomplete(), Autocomplete()
    first.add("only-here")
    assert "only-here" not in second and len(second) == 0


def test_very_long_keys_do_not_recurse():
    trie = Autocomplete()
    path = "/".join(["dir"] * 1500)  # a 5 999-character key
    trie.add(path)
    trie.add(path + "/file")
    assert trie.complete("dir/dir", 5) == [path, path + "/file"]
    assert path in trie


def test_matches_a_plain_scan_on_random_words():
    rng = random.Random(16)
    trie, weights = Autocomplete(), {}
    for _ in range(400):
        word = "".join(rng.choice("abc") for _ in range(rng.randint(1, 5)))
        weight = rng.randint(1, 3)
        trie.add(word, weight)
        weights[word] = weights.get(word, 0) + weight
    for prefix in ["", "a", "ab", "abc", "ca", "bbb", "cccc"]:
        expected = sorted((w for w in weights if w.startswith(prefix)), key=lambda w: (-weights[w], w))[:7]
        assert trie.complete(prefix, 7) == expected, f"prefix={prefix!r}"


@contextmanager
def line_budget(limit: int, what: str):
    """Count the lines of the learner's module that run; fail past the limit."""
    filename = trie_prefix_autocomplete.__file__
    used = [0]

    def local(frame, event, arg):
        if event == "line":
            used[0] += 1
            if used[0] > limit:
                sys.settrace(None)
                pytest.fail(what.format(limit=limit), pytrace=False)
        return local

    def global_trace(frame, event, arg):
        return local if frame.f_code.co_filename == filename else None

    previous = sys.gettrace()
    sys.settrace(global_trace)
    try:
        yield used
    finally:
        sys.settrace(previous)


def test_a_query_only_visits_the_words_under_its_prefix():
    rng = random.Random(4)
    trie = Autocomplete()
    alphabet = "abcdefghijkl"
    for _ in range(5_000):
        trie.add("".join(rng.choices(alphabet, k=rng.randint(6, 9))))
    prefixes = ["".join(rng.choices(alphabet, k=3)) for _ in range(20)]
    what = (
        "expected O(len(prefix) + matches) per query: at most {limit} lines of your code for 20 queries "
        "whose prefixes match about three words each among 5 000 words; observed more. Looking at every "
        "stored word (a scan with startswith) is O(n) per keystroke: walk down the trie to the prefix node"
    )
    with line_budget(20 * 400, what):
        results = [trie.complete(prefix) for prefix in prefixes]
    assert all(all(word.startswith(p) for word in words) for p, words in zip(prefixes, results))
