"""Dijkstra's algorithm with a heap: cheapest routes.

cheapest_route(graph, start, goal) -> (cost, path) | None

graph maps a node to its outgoing edges, a list of (neighbour, weight)
pairs; weights are numbers >= 0 (minutes, euros, metres). A node with no
outgoing edges may be missing from graph. Nodes are any hashable values:
strings, tuples, or objects that cannot be compared with `<`.

Return the smallest total weight from start to goal and the path (the list
of nodes from start to goal inclusive); (0, [start]) when start == goal;
None when goal cannot be reached. When several routes cost the same, keep
the first one found: a node's distance (and the node it is reached from)
changes only when a STRICTLY cheaper route to it is found. Neighbours are
examined in the order the graph lists them; the unique sequence number of
each heap entry decides between equal distances (first pushed, first out).

A negative weight met during the search: ValueError("negative weight -2 on
edge 'a' -> 'b'") (Dijkstra is wrong with negative weights).

It must be O((V + E) log V): a heap of (distance, sequence number, node)
entries (the number also keeps `<` away from the nodes), each node expanded
(its edges read from graph) at most once, stale heap entries skipped, and
the search stops when the goal is taken from the heap. The tests count
graph lookups and weight comparisons.

Example:
    >>> roads = {"home": [("shop", 4), ("park", 1)], "park": [("shop", 2)], "shop": [("work", 5)]}
    >>> cheapest_route(roads, "home", "work")
    (8, ['home', 'park', 'shop', 'work'])
"""

import heapq
import itertools
from collections.abc import Hashable, Mapping, Sequence

Node = Hashable
Graph = Mapping[Node, Sequence[tuple[Node, float]]]


def cheapest_route(graph: Graph, start: Node, goal: Node) -> tuple[float, list[Node]] | None:
    """Return (cost, path) of a cheapest route from start to goal, or None."""
    # TODO: a heap of (distance, sequence number, node); settle each node once
    raise NotImplementedError
