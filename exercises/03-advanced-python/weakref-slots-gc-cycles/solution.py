"""CPython internals: reference counting, cycles, weakref and __slots__."""

import gc
import weakref
from collections.abc import Callable


class TreeNode:
    """A tree node whose parent link is weak, so a tree has no cycles."""

    __slots__ = ("name", "children", "_parent", "__weakref__")

    def __init__(self, name: str) -> None:
        self.name = name
        self.children: list[TreeNode] = []
        self._parent: weakref.ref[TreeNode] | None = None

    @property
    def parent(self) -> "TreeNode | None":
        return None if self._parent is None else self._parent()

    def add_child(self, child: "TreeNode") -> "TreeNode":
        if child.parent is not None:
            raise ValueError(f"{child.name!r} already has a parent")
        child._parent = weakref.ref(self)
        self.children.append(child)
        return child

    def path(self) -> str:
        names = []
        node: TreeNode | None = self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return "/".join(reversed(names))


def how_freed(factory: Callable[[], object]) -> str:
    """'refcount', 'gc' or 'leaked': what frees the object factory() returns."""
    obj = factory()
    ref = weakref.ref(obj)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        del obj
        if ref() is None:
            return "refcount"
        gc.collect()
        return "gc" if ref() is None else "leaked"
    finally:
        if was_enabled:
            gc.enable()
