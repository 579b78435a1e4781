"""A trie for prefix search and ranked autocomplete.

A search box suggests completions as you type: "py" -> "python", "pytest",
"pyroad". With a list of words every keystroke scans them all; a trie (a
tree with one edge per character) goes straight to the words that share the
prefix, so a query costs the prefix length plus the size of the answer's
subtree, however many other words are stored (the tests count the lines of
your code that run during complete(): scanning every word is refused).

Autocomplete()
    .add(word, weight=1)   store word, or add weight to it if already there
                           (weight counts searches: more popular ranks higher)
                           "" -> ValueError("word must not be empty")
                           weight <= 0 -> ValueError("weight must be positive, got 0")
    word in trie           True only for a stored word, not for a mere prefix
    len(trie)              number of distinct stored words
    .remove(word)          forget word (other words sharing its prefix stay);
                           not stored -> KeyError(word)
    .complete(prefix, limit=5) -> list[str]
                           the stored words that start with prefix (the
                           prefix itself included if stored; "" matches all),
                           highest total weight first, equal weights in
                           alphabetical order, at most limit of them.
                           limit < 0 -> ValueError("limit must be >= 0, got -1")

Characters are compared exactly (case-sensitive, any Unicode). No recursion:
a key may be a 5 000-character path.

Example:
    >>> trie = Autocomplete()
    >>> for word in ["python", "pytest", "pyroad", "java"]:
    ...     trie.add(word)
    >>> trie.add("pytest", weight=3)
    >>> trie.complete("py")
    ['pytest', 'pyroad', 'python']
    >>> "py" in trie, "python" in trie, len(trie)
    (False, True, 4)
"""

import heapq


class Autocomplete:
    def __init__(self) -> None:
        # TODO: the root node
        ...

    def add(self, word: str, weight: int = 1) -> None:
        raise NotImplementedError

    def __contains__(self, word: object) -> bool:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def remove(self, word: str) -> None:
        raise NotImplementedError

    def complete(self, prefix: str, limit: int = 5) -> list[str]:
        raise NotImplementedError
