"""Memory: reference counting, cycles, weak references, and caches that leak.

CPython frees an object the moment its last (strong) reference goes away.
Objects that refer to each other in a CYCLE never reach zero references: only
the cycle collector (`gc`) frees them, later, whenever it runs (or never, if it
is disabled). Two classic ways to make cycles or leaks by accident:

1. A tree whose children point back at their parent. `Node(name, parent=None)`
   builds a node; a node made with a parent is appended to `parent.children`
   (a list, strong references: parents own their children). `node.parent`
   is a read-only property giving the parent, or None for a root, but the
   node keeps only a `weakref.ref` to it, so the tree has no cycle and
   `del root` frees the whole tree at once, even with `gc.disable()`.
   `node.path()` gives the names from the root down, "root/usr/bin".

2. A cache on a method. `functools.lru_cache` on a method keeps every `self`
   it has seen in ONE cache shared by the whole class, so instances are never
   freed. `PriceBook(rates)` has `price(sku, quantity)` which calls the costly
   `self.lookup(sku)` (given) at most ONCE per sku for that book, caching the
   answer in a dict that belongs to the instance (made in __init__), and
   returns `lookup(sku) * quantity`. Two books never share answers, and a book
   is freed as soon as it is deleted.

       root = Node("root"); usr = Node("usr", root); bin_ = Node("bin", usr)
       bin_.path()      # -> "root/usr/bin"
       bin_.parent is usr, root.parent is None   # -> True, True
"""

from typing import Optional


class Node:
    """A tree node whose parent link is weak, so trees have no reference cycles."""

    def __init__(self, name: str, parent: Optional["Node"] = None) -> None:
        self.name = name
        self.children: list[Node] = []
        # TODO: keep a weakref.ref to parent (or None), and join parent.children.
        raise NotImplementedError

    @property
    def parent(self) -> Optional["Node"]:
        # TODO: call the weak reference (it gives None once the parent is gone).
        raise NotImplementedError

    def path(self) -> str:
        # TODO: the names from the root down to this node, joined by "/".
        raise NotImplementedError


class PriceBook:
    """Prices from a costly lookup, cached per book (never with lru_cache on the method)."""

    def __init__(self, rates: dict[str, float]) -> None:
        self.rates = rates
        self.lookups = 0
        # TODO: this book's own cache.

    def lookup(self, sku: str) -> float:
        """The costly part (a database query in real code). Given: do not change."""
        self.lookups += 1
        return self.rates[sku]

    def price(self, sku: str, quantity: int) -> float:
        # TODO: lookup(sku) at most once per sku for this book, times quantity.
        raise NotImplementedError
