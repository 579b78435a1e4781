"""CPython internals: reference counting, cycles, weakref and __slots__.

CPython frees an object the moment its reference count drops to 0. Objects
that point at each other (a cycle) never reach 0: only the cyclic garbage
collector (the gc module), which runs now and then, frees them. A weak
reference (weakref.ref) points at an object WITHOUT counting, so it breaks
the cycle; calling it gives the object, or None once it is gone.

1. TreeNode(name): a node with .name, .children (a list) and .parent.
   - `__slots__ = ("name", "children", "_parent", "__weakref__")`: no
     per-instance __dict__ (less memory; a typo like node.nmae = 1 is an
     AttributeError), and "__weakref__" so weak references to nodes work.
   - The parent link is weak: store weakref.ref(parent) in _parent; the
     `parent` property returns the parent, or None (no parent, or the
     parent was freed). Children are normal (strong) references.
   - add_child(child) sets child's parent, appends it and returns it; a
     child that already has a parent raises ValueError naming it.
   - path() -> "root/usr/bin": the names from the top down to this node.
   Because no node holds its parent strongly, dropping the last reference
   to the root frees the whole tree at once, without the gc.

       root = TreeNode("root"); usr = root.add_child(TreeNode("usr"))
       usr.add_child(TreeNode("bin")).path()   # -> "root/usr/bin"

2. how_freed(factory) -> "refcount" | "gc" | "leaked"
   A diagnostic: call factory(), keep only a weakref to the result, turn
   the gc off (gc.disable()), drop the object and look:
   - gone at once: "refcount";
   - still there, but gone after gc.collect(): "gc" (it was in a cycle);
   - still there after gc.collect(): "leaked" (something else holds it).
   Leave the gc as you found it: re-enable it only if it was enabled
   before (gc.isenabled()); a try/finally makes that hold on every path.
"""

import gc
import weakref
from collections.abc import Callable


class TreeNode:
    """A tree node whose parent link is weak, so a tree has no cycles."""

    # TODO: __slots__

    def __init__(self, name: str) -> None:
        self.name = name
        self.children: list[TreeNode] = []
        self.parent: TreeNode | None = None  # TODO: a weak link, read through a property

    def add_child(self, child: "TreeNode") -> "TreeNode":
        raise NotImplementedError  # TODO

    def path(self) -> str:
        raise NotImplementedError  # TODO


def how_freed(factory: Callable[[], object]) -> str:
    """'refcount', 'gc' or 'leaked': what frees the object factory() returns."""
    raise NotImplementedError  # TODO
