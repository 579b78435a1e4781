import random
from collections.abc import Mapping
from dataclasses import dataclass

import pytest

from dijkstra_heap_routes import cheapest_route

ROADS = {"home": [("shop", 4), ("park", 1)], "park": [("shop", 2)], "shop": [("work", 5)]}


def route_cost(graph, path):
    total = 0
    for here, there in zip(path, path[1:]):
        weights = [w for n, w in graph.get(here, ()) if n == there]
        assert weights, f"{here!r} -> {there!r} is not an edge of the graph"
        total += min(weights)
    return total


def test_the_docstring_example():
    assert cheapest_route(ROADS, "home", "work") == (8, ["home", "park", "shop", "work"])


@pytest.mark.parametrize(
    "graph, start, goal, expected",
    [
        (ROADS, "home", "home", (0, ["home"])),
        (ROADS, "work", "home", None),
        (ROADS, "home", "nowhere", None),
        ({"a": [("b", 0)], "b": [("c", 0)]}, "a", "c", (0, ["a", "b", "c"])),
        ({"a": [("b", 2.5), ("c", 1.25)], "c": [("b", 0.5)]}, "a", "b", (1.75, ["a", "c", "b"])),
        ({"a": [("b", 1), ("b", 5)]}, "a", "b", (1, ["a", "b"])),
        ({"a": [("b", 5)], "b": [("a", 1)]}, "b", "a", (1, ["b", "a"])),
    ],
    ids=["start-is-goal", "one-way-roads", "goal-not-in-graph", "zero-weights", "float-weights", "parallel-edges", "directed"],
)
def test_cheapest_routes(graph, start, goal, expected):
    assert cheapest_route(graph, start, goal) == expected


def test_a_cheaper_route_with_more_steps_wins():
    graph = {"a": [("z", 10), ("b", 1)], "b": [("c", 1)], "c": [("d", 1)], "d": [("z", 1)]}
    assert cheapest_route(graph, "a", "z") == (4, ["a", "b", "c", "d", "z"]), (
        "fewest edges is BFS; Dijkstra finds the smallest total weight"
    )


def test_a_node_found_cheaply_later_is_updated():
    graph = {"s": [("x", 10), ("y", 1)], "y": [("x", 2)], "x": [("t", 1)]}
    assert cheapest_route(graph, "s", "t") == (4, ["s", "y", "x", "t"]), (
        "x is first reached at cost 10, then at cost 3 through y: keep the cheaper one"
    )


def test_equal_cost_routes_keep_the_first_found():
    graph = {"a": [("b", 1), ("c", 1)], "b": [("d", 1)], "c": [("d", 1)]}
    assert cheapest_route(graph, "a", "d") == (2, ["a", "b", "d"]), (
        "update a node only for a STRICTLY cheaper route (`<`, not `<=`)"
    )


@dataclass(frozen=True)
class Stop:
    """A hashable node that cannot be ordered with <."""

    name: str


def test_nodes_that_cannot_be_compared_work():
    a, b, c, d = Stop("a"), Stop("b"), Stop("c"), Stop("d")
    graph = {a: [(b, 1), (c, 1)], b: [(d, 2)], c: [(d, 1)]}
    try:
        result = cheapest_route(graph, a, d)
    except TypeError as error:
        pytest.fail(
            f"TypeError: {error}. Heap entries (distance, node) compare the nodes when two distances are equal: "
            "put a unique sequence number between the distance and the node",
            pytrace=False,
        )
    assert result == (2, [a, c, d])


def test_tuple_nodes_of_a_weighted_grid():
    costs = ["1119", "9119", "9111"]
    graph = {}
    for r, row in enumerate(costs):
        for c, _ in enumerate(row):
            graph[(r, c)] = [
                ((nr, nc), int(costs[nr][nc]))
                for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1))
                if 0 <= nr < 3 and 0 <= nc < 4
            ]
    cost, path = cheapest_route(graph, (0, 0), (2, 3))
    assert cost == 5 and route_cost(graph, path) == 5


@pytest.mark.parametrize(
    "graph, message",
    [
        ({"a": [("b", -2)]}, r"^negative weight -2 on edge 'a' -> 'b'$"),
        ({"a": [("b", 1)], "b": [("c", -0.5)]}, r"^negative weight -0.5 on edge 'b' -> 'c'$"),
    ],
    ids=["first-edge", "later-edge"],
)
def test_negative_weights_are_refused(graph, message):
    with pytest.raises(ValueError, match=message):
        cheapest_route(graph, "a", "c")


def test_the_graph_is_not_modified():
    graph = {"a": [("b", 1), ("c", 4)], "b": [("c", 1)]}
    cheapest_route(graph, "a", "c")
    assert graph == {"a": [("b", 1), ("c", 4)], "b": [("c", 1)]}


def test_matches_a_simple_reference_on_random_graphs():
    rng = random.Random(16)
    for _ in range(100):
        n = rng.randint(1, 12)
        graph = {i: [(rng.randrange(n), rng.randint(0, 9)) for _ in range(rng.randint(0, 4))] for i in range(n)}
        # Bellman-Ford: slow, obviously right
        dist = {0: 0}
        for _ in range(n):
            for u, edges in graph.items():
                for v, w in edges:
                    if u in dist and dist[u] + w < dist.get(v, float("inf")):
                        dist[v] = dist[u] + w
        goal = n - 1
        result = cheapest_route(graph, 0, goal)
        if goal not in dist:
            assert result is None, f"graph={graph}"
        else:
            assert result is not None and result[0] == dist[goal], f"graph={graph}"
            assert route_cost(graph, result[1]) == result[0] and result[1][0] == 0 and result[1][-1] == goal


def test_a_route_through_thousands_of_nodes():
    n = 5_000
    graph = {i: [(i + 1, 1)] for i in range(n)}
    assert cheapest_route(graph, 0, n) == (n, list(range(n + 1))), "rebuild the path with a loop, not recursion"


# ---------------------------------------------------------------- counted work


class CountingGraph(Mapping):
    """A read-only graph that records every lookup of a node's edges."""

    def __init__(self, edges) -> None:
        self._edges = edges
        self.lookups = []

    def __getitem__(self, node):
        self.lookups.append(node)
        return self._edges[node]

    def __iter__(self):
        return iter(self._edges)

    def __len__(self):
        return len(self._edges)


class Budget:
    def __init__(self) -> None:
        self.used = 0
        self.limit = None

    def spend(self) -> None:
        self.used += 1
        if self.limit is not None and self.used > self.limit:
            pytest.fail(
                f"expected O((V + E) log V): at most {self.limit} weight comparisons for 1 500 nodes waiting "
                "to be expanded; observed more. Scanning the known distances for the smallest each time is "
                "O(V^2): take it from a heap",
                pytrace=False,
            )


def counted_weight(budget: Budget):
    class Weight(float):
        """A weight that counts comparisons; sums of weights are weights too."""

        def __add__(self, other):
            return Weight(float(self) + float(other))

        __radd__ = __add__

        def __lt__(self, other):
            budget.spend()
            return float(self) < float(other)

        def __le__(self, other):
            budget.spend()
            return float(self) <= float(other)

        def __gt__(self, other):
            budget.spend()
            return float(self) > float(other)

        def __ge__(self, other):
            budget.spend()
            return float(self) >= float(other)

        def __eq__(self, other):
            budget.spend()
            return float(self) == float(other)

        __hash__ = float.__hash__

    return Weight


def grid_graph(side, weight_type, seed):
    rng = random.Random(seed)
    edges = {}
    for r in range(side):
        for c in range(side):
            edges[r * side + c] = [
                (nr * side + nc, weight_type(rng.randint(1, 9)))
                for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1))
                if 0 <= nr < side and 0 <= nc < side
            ]
    return edges


def test_each_node_is_expanded_at_most_once():
    side = 50
    graph = CountingGraph(grid_graph(side, int, seed=1))
    result = cheapest_route(graph, 0, side * side - 1)
    assert result is not None
    again = len(graph.lookups) - len(set(graph.lookups))
    assert again == 0, (
        f"the edges of {again} nodes were read more than once: when a heap entry is popped for a node "
        "that is already settled, it is stale (the node was reached more cheaply): skip it"
    )


def test_the_search_stops_at_the_goal():
    side = 50
    graph = CountingGraph(grid_graph(side, int, seed=2))
    centre = 25 * side + 25
    cost, path = cheapest_route(graph, centre, centre + 1)
    assert path[0] == centre and path[-1] == centre + 1
    assert len(graph.lookups) <= 4 * 9 * 9 * 2, (
        f"{len(graph.lookups)} nodes expanded to reach a neighbour of the start: stop as soon as the goal "
        "comes out of the heap"
    )


def wide_graph(width, weight_type, seed):
    """start -> `width` middle nodes -> goal: thousands of nodes wait to be chosen at the same time."""
    rng = random.Random(seed)
    edges = {"start": [(m, weight_type(rng.randint(1, 1000))) for m in range(width)]}
    for m in range(width):
        edges[m] = [("goal", weight_type(rng.randint(1000, 2000)))]
    return edges


def test_weight_comparisons_grow_like_e_log_v_not_v_squared():
    budget = Budget()
    Weight = counted_weight(budget)
    width = 1_500
    graph = wide_graph(width, Weight, seed=3)
    honest = cheapest_route(wide_graph(width, int, seed=3), "start", "goal")
    edges = 2 * width
    budget.used, budget.limit = 0, 4 * edges * width.bit_length()  # 4 x E x log2(V)
    result = cheapest_route(graph, "start", "goal")
    budget.limit = None
    assert result[0] == honest[0]
