"""A trie for prefix search and ranked autocomplete (reference solution)."""

import heapq


class _Node:
    __slots__ = ("children", "weight")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.weight = 0  # 0: no word ends here


class Autocomplete:
    def __init__(self) -> None:
        self._root = _Node()
        self._words = 0

    def add(self, word: str, weight: int = 1) -> None:
        if not word:
            raise ValueError("word must not be empty")
        if weight <= 0:
            raise ValueError(f"weight must be positive, got {weight}")
        node = self._root
        for char in word:
            node = node.children.setdefault(char, _Node())
        if node.weight == 0:
            self._words += 1
        node.weight += weight

    def _find(self, prefix: str) -> _Node | None:
        node = self._root
        for char in prefix:
            node = node.children.get(char)
            if node is None:
                return None
        return node

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        node = self._find(word)
        return node is not None and node.weight > 0

    def __len__(self) -> int:
        return self._words

    def remove(self, word: str) -> None:
        node = self._find(word)
        if node is None or node.weight == 0:
            raise KeyError(word)
        node.weight = 0
        self._words -= 1

    def complete(self, prefix: str, limit: int = 5) -> list[str]:
        if limit < 0:
            raise ValueError(f"limit must be >= 0, got {limit}")
        start = self._find(prefix)
        if start is None:
            return []
        found: list[tuple[int, str]] = []
        stack = [(start, prefix)]  # an explicit stack: keys may be very long
        while stack:
            node, text = stack.pop()
            if node.weight:
                found.append((-node.weight, text))
            for char, child in node.children.items():
                stack.append((child, text + char))
        return [word for _, word in heapq.nsmallest(limit, found)]
