"""Dynamic programming: edit distance and the edit script.

The Levenshtein distance between two sequences is the smallest number of
single-item edits (insert one item, delete one item, substitute one item for
another) that turn a into b. Spell checkers, `difflib`-style diffs, DNA
alignment and fuzzy search all use it.

edit_distance(a, b) -> int
    a and b are sequences: two strings, or two lists of words (a word-level
    diff). Any Sequence works: use len() and indexing (or iteration).
        >>> edit_distance("kitten", "sitting")
        3
        >>> edit_distance("the cat sat".split(), "the cat sat down".split())
        1

edit_script(a, b) -> list[tuple]
    The edits themselves, in order from the start of a, one tuple per item:
        ("=", x)      keep x (the same in a and b)
        ("~", x, y)   substitute y for x
        ("-", x)      delete x (from a)
        ("+", y)      insert y (from b)
    Applying them turns a into b, and there are exactly edit_distance(a, b)
    of them that are not "=". Many scripts are equally short; return this
    one: fill the whole table D (D[i][j] = distance between a[:i] and
    b[:j]), then walk back from the bottom-right corner, at each step taking
    the FIRST of these that applies:
        a[i-1] == b[j-1]                             -> "=" (go up-left)
        D[i][j] == D[i-1][j-1] + 1                   -> "~" (go up-left)
        D[i][j] == D[i-1][j] + 1                     -> "-" (go up)
        otherwise                                    -> "+" (go left)
    (a rule needing i-1 or j-1 applies only when i > 0, or j > 0).
        >>> edit_script("kitten", "sitting")
        [('~', 'k', 's'), ('=', 'i'), ('=', 't'), ('=', 't'), ('~', 'e', 'i'), ('=', 'n'), ('+', 'g')]

Both are O(len(a) * len(b)): the tests count how often a and b are read and
fail the exponential recursion; and neither may recurse, since a 3 000-item
sequence would need 3 000 nested calls (Python stops near 1 000).
"""

from collections.abc import Hashable, Sequence


def edit_distance(a: Sequence[Hashable], b: Sequence[Hashable]) -> int:
    """Return the Levenshtein distance between a and b."""
    # TODO: fill the table row by row
    raise NotImplementedError


def edit_script(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple]:
    """Return a shortest list of edits turning a into b."""
    # TODO: the full table, then walk back from the corner
    raise NotImplementedError
