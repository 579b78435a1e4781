"""Dynamic programming: edit distance and the edit script (reference solution)."""

from collections.abc import Hashable, Sequence


def edit_distance(a: Sequence[Hashable], b: Sequence[Hashable]) -> int:
    """Return the Levenshtein distance between a and b."""
    return _table(a, b)[len(a)][len(b)]


def _table(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[list[int]]:
    """D[i][j] = edit distance between a[:i] and b[:j], filled row by row."""
    width = len(b)
    table = [list(range(width + 1))]  # row 0: insert j items
    for i in range(1, len(a) + 1):
        above = table[-1]
        row = [i]  # column 0: delete i items
        x = a[i - 1]
        for j in range(1, width + 1):
            if x == b[j - 1]:
                row.append(above[j - 1])
            else:
                row.append(1 + min(above[j - 1], above[j], row[j - 1]))
        table.append(row)
    return table


def edit_script(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple]:
    """Return a shortest list of edits turning a into b."""
    table = _table(a, b)
    script: list[tuple] = []
    i, j = len(a), len(b)
    while i > 0 or j > 0:
        here = table[i][j]
        if i > 0 and j > 0 and a[i - 1] == b[j - 1]:
            script.append(("=", a[i - 1]))
            i, j = i - 1, j - 1
        elif i > 0 and j > 0 and here == table[i - 1][j - 1] + 1:
            script.append(("~", a[i - 1], b[j - 1]))
            i, j = i - 1, j - 1
        elif i > 0 and here == table[i - 1][j] + 1:
            script.append(("-", a[i - 1]))
            i -= 1
        else:
            script.append(("+", b[j - 1]))
            j -= 1
    script.reverse()
    return script
