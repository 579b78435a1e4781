"""Consistent hashing with virtual nodes.

A cache cluster spreads keys over servers. With `hash(key) % n_servers`,
adding one server moves almost every key. Consistent hashing moves only
about 1/n of them: servers and keys are placed on the same circle of hash
values, and a key belongs to the first server point at or after it,
going clockwise and wrapping around past the end. Each server is placed
at many points (virtual nodes) so the load is even.

Build HashRing(nodes=(), replicas=100):
- Positions come from ring_hash() below (md5, so they are the same in every
  process; Python's own hash() of a str changes each run). Virtual node i of
  node "cache-a" sits at ring_hash("cache-a#i"), for i in range(replicas).
- get_node(key): the node owning the first virtual node whose position is
  >= ring_hash(key); if there is none, the first virtual node of the ring.
  Must be a binary search (the tests look up 20 000 keys on 10 000 points).
  An empty ring raises LookupError("the ring has no nodes").
- add_node(node) / remove_node(node); nodes (a NEW sorted list of the node
  names each time: changing it must not change the ring).
- replicas < 1 -> ValueError("replicas must be at least 1, got 0");
  adding a node twice -> ValueError("node 'cache-a' is already in the ring");
  removing an unknown node -> ValueError("node 'cache-x' is not in the ring").

Example:
    >>> ring = HashRing(["cache-a", "cache-b", "cache-c"])
    >>> ring.get_node("user:42")
    'cache-a'
    >>> ring.add_node("cache-d")      # only keys that now belong to cache-d move
"""

import hashlib
from collections.abc import Iterable


def ring_hash(text: str) -> int:
    """A stable 64-bit position on the ring for text (given, do not change)."""
    return int.from_bytes(hashlib.md5(text.encode("utf-8")).digest()[:8], "big")


class HashRing:
    def __init__(self, nodes: Iterable[str] = (), replicas: int = 100) -> None:
        # TODO: validate replicas, set up the ring, add the nodes
        self.replicas = replicas

    @property
    def nodes(self) -> list[str]:
        """The node names in the ring, sorted."""
        # TODO
        raise NotImplementedError

    def add_node(self, node: str) -> None:
        # TODO: place `replicas` virtual nodes on the ring
        raise NotImplementedError

    def remove_node(self, node: str) -> None:
        # TODO
        raise NotImplementedError

    def get_node(self, key: str) -> str:
        """The node that owns key."""
        # TODO: binary search, wrapping around at the end
        raise NotImplementedError
