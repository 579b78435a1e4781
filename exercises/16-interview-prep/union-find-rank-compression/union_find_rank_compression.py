"""Union-find with union by rank and path compression.

A disjoint-set forest answers "are these two in the same group?" while
groups keep merging: connected computers, accounts that share an email,
Kruskal's minimum spanning tree. Each group is a tree; its root names it.

DisjointSet(items=())       every item starts alone in its own set
    .add(x)                 a new singleton set (nothing happens if x is known)
    .find(x) -> root        the item that names x's set; unknown x -> KeyError(x)
    .union(a, b) -> bool    merge the sets of a and b (adding unknown items
                            first); False if they were already one set
    .connected(a, b) -> bool   same set? (unknown items -> KeyError)
    .size(x) -> int         how many items are in x's set
    .parent_of(x)           the item x points to (x itself for a root),
                            read-only: it never changes the forest
    len(ds)                 number of items
    .set_count              number of disjoint sets

The two rules that make every operation nearly O(1), exactly as stated
(the tests look at parent_of):
- union by rank: a new item has rank 0. union links the root of SMALLER
  rank under the root of larger rank; when the ranks are equal, the root of
  b's set goes under the root of a's set and that root's rank grows by 1.
  (Rank, not size: a wide star of rank 1 goes under a pair of pairs of rank 2.)
- full path compression in find: afterwards x and every item on its way
  to the root point directly at the root (not only x, not every other one).

Example:
    >>> ds = DisjointSet("abcd")
    >>> ds.union("a", "b"), ds.union("c", "d"), ds.union("b", "a")
    (True, True, False)
    >>> ds.find("b"), ds.set_count, ds.connected("a", "c")
    ('a', 2, False)
    >>> ds.union("d", "b")
    True
    >>> ds.find("a"), ds.size("a")
    ('c', 4)
"""

from collections.abc import Hashable, Iterable


class DisjointSet:
    def __init__(self, items: Iterable[Hashable] = ()) -> None:
        # TODO: parent, rank and size per item
        ...

    def add(self, x: Hashable) -> None:
        raise NotImplementedError

    def find(self, x: Hashable) -> Hashable:
        raise NotImplementedError

    def union(self, a: Hashable, b: Hashable) -> bool:
        raise NotImplementedError

    def connected(self, a: Hashable, b: Hashable) -> bool:
        raise NotImplementedError

    def size(self, x: Hashable) -> int:
        raise NotImplementedError

    def parent_of(self, x: Hashable) -> Hashable:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    @property
    def set_count(self) -> int:
        raise NotImplementedError
