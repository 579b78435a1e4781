"""Memory: reference counting, cycles, weak references, and caches that leak."""

import weakref
from typing import Optional


class Node:
    """A tree node whose parent link is weak, so trees have no reference cycles."""

    def __init__(self, name: str, parent: Optional["Node"] = None) -> None:
        self.name = name
        self.children: list[Node] = []
        self._parent = None if parent is None else weakref.ref(parent)
        if parent is not None:
            parent.children.append(self)

    @property
    def parent(self) -> Optional["Node"]:
        return None if self._parent is None else self._parent()

    def path(self) -> str:
        names = []
        node: Optional[Node] = self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return "/".join(reversed(names))


class PriceBook:
    """Prices from a costly lookup, cached per book (never with lru_cache on the method)."""

    def __init__(self, rates: dict[str, float]) -> None:
        self.rates = rates
        self.lookups = 0
        self._unit_prices: dict[str, float] = {}

    def lookup(self, sku: str) -> float:
        """The costly part (a database query in real code). Given: do not change."""
        self.lookups += 1
        return self.rates[sku]

    def price(self, sku: str, quantity: int) -> float:
        if sku not in self._unit_prices:
            self._unit_prices[sku] = self.lookup(sku)
        return self._unit_prices[sku] * quantity
