"""Dijkstra's algorithm with a heap: cheapest routes (reference solution)."""

import heapq
import itertools
from collections.abc import Hashable, Mapping, Sequence

Node = Hashable
Graph = Mapping[Node, Sequence[tuple[Node, float]]]


def cheapest_route(graph: Graph, start: Node, goal: Node) -> tuple[float, list[Node]] | None:
    """Return (cost, path) of a cheapest route from start to goal, or None."""
    best = {start: 0}
    previous: dict[Node, Node] = {}
    settled: set[Node] = set()
    order = itertools.count()  # ties on distance never reach the nodes
    heap = [(0, next(order), start)]
    while heap:
        distance, _, node = heapq.heappop(heap)
        if node in settled:
            continue  # a stale entry: node was reached more cheaply before
        settled.add(node)
        if node == goal:
            path = [node]
            while path[-1] in previous:
                path.append(previous[path[-1]])
            path.reverse()
            return distance, path
        for following, weight in graph.get(node, ()):
            if weight < 0:
                raise ValueError(f"negative weight {weight} on edge {node!r} -> {following!r}")
            candidate = distance + weight
            if following not in settled and (following not in best or candidate < best[following]):
                best[following] = candidate
                previous[following] = node
                heapq.heappush(heap, (candidate, next(order), following))
    return None
