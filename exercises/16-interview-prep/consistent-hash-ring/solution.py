"""Consistent hashing with virtual nodes (reference solution)."""

import bisect
import hashlib
from collections.abc import Iterable


def ring_hash(text: str) -> int:
    """A stable 64-bit position on the ring for text (given, do not change)."""
    return int.from_bytes(hashlib.md5(text.encode("utf-8")).digest()[:8], "big")


class HashRing:
    def __init__(self, nodes: Iterable[str] = (), replicas: int = 100) -> None:
        if replicas < 1:
            raise ValueError(f"replicas must be at least 1, got {replicas}")
        self.replicas = replicas
        self._nodes: set[str] = set()
        self._ring: list[tuple[int, str]] = []  # (position, node), sorted
        self._positions: list[int] = []  # the positions alone, for bisect
        for node in nodes:
            self.add_node(node)

    @property
    def nodes(self) -> list[str]:
        """The node names in the ring, sorted."""
        return sorted(self._nodes)

    def add_node(self, node: str) -> None:
        if node in self._nodes:
            raise ValueError(f"node {node!r} is already in the ring")
        self._nodes.add(node)
        self._ring.extend((ring_hash(f"{node}#{i}"), node) for i in range(self.replicas))
        self._rebuild()

    def remove_node(self, node: str) -> None:
        if node not in self._nodes:
            raise ValueError(f"node {node!r} is not in the ring")
        self._nodes.remove(node)
        self._ring = [point for point in self._ring if point[1] != node]
        self._rebuild()

    def _rebuild(self) -> None:
        self._ring.sort()
        self._positions = [position for position, _ in self._ring]

    def get_node(self, key: str) -> str:
        """The node that owns key."""
        if not self._ring:
            raise LookupError("the ring has no nodes")
        index = bisect.bisect_left(self._positions, ring_hash(key))
        return self._ring[index % len(self._ring)][1]
