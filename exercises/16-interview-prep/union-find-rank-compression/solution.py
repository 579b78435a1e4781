"""Union-find with union by rank and path compression (reference solution)."""

from collections.abc import Hashable, Iterable


class DisjointSet:
    def __init__(self, items: Iterable[Hashable] = ()) -> None:
        self._parent: dict[Hashable, Hashable] = {}
        self._rank: dict[Hashable, int] = {}
        self._size: dict[Hashable, int] = {}
        self._sets = 0
        for item in items:
            self.add(item)

    def add(self, x: Hashable) -> None:
        if x not in self._parent:
            self._parent[x] = x
            self._rank[x] = 0
            self._size[x] = 1
            self._sets += 1

    def find(self, x: Hashable) -> Hashable:
        root = x  # an unknown x raises KeyError(x) on the first lookup below
        while self._parent[root] != root:
            root = self._parent[root]
        while x != root:  # full path compression: everything on the way points at root
            self._parent[x], x = root, self._parent[x]
        return root

    def union(self, a: Hashable, b: Hashable) -> bool:
        self.add(a)
        self.add(b)
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return False
        if self._rank[root_a] < self._rank[root_b]:
            root_a, root_b = root_b, root_a  # root_a is now the taller tree
        elif self._rank[root_a] == self._rank[root_b]:
            self._rank[root_a] += 1
        self._parent[root_b] = root_a
        self._size[root_a] += self._size[root_b]
        self._sets -= 1
        return True

    def connected(self, a: Hashable, b: Hashable) -> bool:
        return self.find(a) == self.find(b)

    def size(self, x: Hashable) -> int:
        return self._size[self.find(x)]

    def parent_of(self, x: Hashable) -> Hashable:
        return self._parent[x]

    def __len__(self) -> int:
        return len(self._parent)

    @property
    def set_count(self) -> int:
        return self._sets
