import random
from collections.abc import Sequence
from functools import lru_cache

import pytest

from edit_distance_dp_table import edit_distance, edit_script


def reference_distance(a, b):
    @lru_cache(maxsize=None)
    def d(i, j):
        if i == 0 or j == 0:
            return i + j
        if a[i - 1] == b[j - 1]:
            return d(i - 1, j - 1)
        return 1 + min(d(i - 1, j - 1), d(i - 1, j), d(i, j - 1))

    return d(len(a), len(b))


def apply_script(a, script):
    out, position = [], 0
    for op in script:
        if op[0] in "=~-":
            assert position < len(a) and a[position] == op[1], f"{op} does not match item {position} of a"
            position += 1
        if op[0] == "=":
            out.append(op[1])
        elif op[0] == "~":
            out.append(op[2])
        elif op[0] == "+":
            out.append(op[1])
    assert position == len(a), "the script must use up every item of a"
    return out


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("kitten", "sitting", 3),
        ("flaw", "lawn", 2),
        ("", "", 0),
        ("", "abc", 3),
        ("abc", "", 3),
        ("same", "same", 0),
        ("ab", "ba", 2),
        ("A", "a", 1),
        ("café", "cafe", 1),
        ("intention", "execution", 5),
    ],
    ids=["kitten-sitting", "flaw-lawn", "both-empty", "a-empty", "b-empty", "equal", "swap", "case-matters", "unicode", "intention-execution"],
)
def test_edit_distance_of_strings(a, b, expected):
    assert edit_distance(a, b) == expected


def test_edit_distance_of_word_lists():
    before = "the quick brown fox jumps".split()
    after = "the quick red fox leaps high".split()
    assert edit_distance(before, after) == 3, (
        "words from split() are equal but not the same objects: compare items with ==, never with `is`"
    )
    assert edit_distance(("a", "b"), ["a", "b"]) == 0, "any sequences: a tuple and a list"


def test_edit_distance_matches_a_reference_on_random_strings():
    rng = random.Random(16)
    for _ in range(300):
        a = "".join(rng.choice("abc") for _ in range(rng.randint(0, 8)))
        b = "".join(rng.choice("abc") for _ in range(rng.randint(0, 8)))
        assert edit_distance(a, b) == reference_distance(a, b), f"a={a!r}, b={b!r}"


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("kitten", "sitting", [("~", "k", "s"), ("=", "i"), ("=", "t"), ("=", "t"), ("~", "e", "i"), ("=", "n"), ("+", "g")]),
        ("", "ab", [("+", "a"), ("+", "b")]),
        ("ab", "", [("-", "a"), ("-", "b")]),
        ("abc", "abc", [("=", "a"), ("=", "b"), ("=", "c")]),
        ("abc", "ac", [("=", "a"), ("-", "b"), ("=", "c")]),
        ("ac", "abc", [("=", "a"), ("+", "b"), ("=", "c")]),
        ("ab", "ba", [("~", "a", "b"), ("~", "b", "a")]),
        ("aab", "ab", [("-", "a"), ("=", "a"), ("=", "b")]),
        ("xy", "yz", [("~", "x", "y"), ("~", "y", "z")]),
        ("", "", []),
    ],
    ids=["kitten-sitting", "only-inserts", "only-deletes", "all-kept", "one-delete", "one-insert", "two-substitutions", "delete-the-earlier-duplicate", "substitute-before-delete-and-insert", "both-empty"],
)
def test_edit_script_follows_the_stated_tie_breaks(a, b, expected):
    assert edit_script(a, b) == expected


def test_edit_script_on_words():
    script = edit_script("the cat sat".split(), "the cat sat down".split())
    assert script == [("=", "the"), ("=", "cat"), ("=", "sat"), ("+", "down")]


def test_edit_scripts_turn_a_into_b_with_the_fewest_edits():
    rng = random.Random(7)
    for _ in range(300):
        a = [rng.choice("xyz") for _ in range(rng.randint(0, 9))]
        b = [rng.choice("xyz") for _ in range(rng.randint(0, 9))]
        script = edit_script(a, b)
        assert apply_script(a, script) == b, f"a={a}, b={b}, script={script}"
        edits = sum(op[0] != "=" for op in script)
        assert edits == reference_distance(a, b), f"a={a}, b={b}: {edits} edits, the distance is {reference_distance(a, b)}"


@pytest.mark.parametrize("function", [edit_distance, edit_script], ids=["edit_distance", "edit_script"])
def test_long_sequences_do_not_recurse(function):
    a, b = "x" * 3000, "xy"
    result = function(a, b)
    distance = result if function is edit_distance else sum(op[0] != "=" for op in result)
    assert distance == 2999, "fill the table with loops: 3 000 nested calls exceed Python's recursion limit"


class CountingSequence(Sequence):
    """A read-only sequence that counts every item read, and fails once past its budget."""

    def __init__(self, items, reads: list, limit: int) -> None:
        self._items = items
        self._reads = reads
        self._limit = limit

    def __len__(self):
        return len(self._items)

    def __getitem__(self, index):
        self._reads[0] += 1
        if self._reads[0] > self._limit:
            pytest.fail(
                f"expected O(n*m): at most {self._limit} reads of a and b for 200 x 150 items; observed more. "
                "Plain recursion recomputes the same sub-problems exponentially often: fill a table of "
                "(n+1) x (m+1) cells once each",
                pytrace=False,
            )
        return self._items[index]


@pytest.mark.parametrize("function", [edit_distance, edit_script], ids=["edit_distance", "edit_script"])
def test_reads_grow_like_n_times_m(function):
    rng = random.Random(3)
    a_items = [rng.choice("acgt") for _ in range(200)]
    b_items = [rng.choice("acgt") for _ in range(150)]
    reads = [0]
    limit = 3 * (200 + 1) * (150 + 1)
    a = CountingSequence(a_items, reads, limit)
    b = CountingSequence(b_items, reads, limit)
    result = function(a, b)
    expected = reference_distance(a_items, b_items)
    distance = result if function is edit_distance else sum(op[0] != "=" for op in result)
    assert distance == expected
