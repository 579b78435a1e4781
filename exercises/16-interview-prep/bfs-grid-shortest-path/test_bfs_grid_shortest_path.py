import ast
from pathlib import Path

import pytest

import bfs_grid_shortest_path
from bfs_grid_shortest_path import bfs_path, grid_path


def assert_valid_grid_path(grid, path, start, goal):
    assert path[0] == start and path[-1] == goal, f"the path must run from {start} to {goal}: {path}"
    for row, col in path:
        assert 0 <= row < len(grid) and 0 <= col < len(grid[0]), (
            f"{(row, col)} is not a cell of the grid: a negative index wraps around in Python, check both bounds"
        )
        assert grid[row][col] != "#", f"the path goes through the wall at {(row, col)}"
    for (r1, c1), (r2, c2) in zip(path, path[1:]):
        assert abs(r1 - r2) + abs(c1 - c2) == 1, f"{(r1, c1)} -> {(r2, c2)} is not one step up, down, left or right"


# ---------------------------------------------------------------- grid_path

MAZE = [
    "..#....",
    ".##.##.",
    "...#...",
    "##...#.",
]


def test_the_docstring_example():
    assert grid_path(["..#", ".##", "..."], (0, 0), (2, 2)) == [(0, 0), (1, 0), (2, 0), (2, 1), (2, 2)]


def test_finds_a_shortest_path_through_a_maze():
    path = grid_path(MAZE, (0, 0), (0, 6))
    assert path is not None
    assert_valid_grid_path(MAZE, path, (0, 0), (0, 6))
    assert len(path) - 1 == 12, f"a shortest path has 12 steps, this one has {len(path) - 1}: BFS, not DFS"


def test_equally_short_paths_are_chosen_by_the_neighbour_order():
    open_grid = ["...", "...", "..."]
    assert grid_path(open_grid, (0, 0), (1, 1)) == [(0, 0), (1, 0), (1, 1)], (
        "explore up, down, left, right in that order and keep the FIRST parent found for each cell"
    )
    assert grid_path(open_grid, (2, 2), (1, 1)) == [(2, 2), (1, 2), (1, 1)]


@pytest.mark.parametrize(
    "grid, start, goal, expected",
    [
        (["..", ".."], (1, 1), (1, 1), [(1, 1)]),
        ([".#.", ".#."], (0, 0), (0, 2), None),
        (["S·#G"], (0, 0), (0, 1), [(0, 0), (0, 1)]),
        (["....."], (0, 4), (0, 0), [(0, 4), (0, 3), (0, 2), (0, 1), (0, 0)]),
        (["."], (0, 0), (0, 0), [(0, 0)]),
    ],
    ids=["start-is-goal", "walled-off", "any-non-wall-char-is-open", "one-row-leftwards", "one-cell"],
)
def test_edge_cases(grid, start, goal, expected):
    assert grid_path(grid, start, goal) == expected


@pytest.mark.parametrize(
    "grid, start, goal",
    [
        (["..#.", "..#.", "...."], (0, 0), (0, 3)),
        (["..", "#.", "..", ".#"], (0, 0), (3, 0)),
        (["...#.", "####."], (0, 2), (0, 4)),
        ([".#.", "##.", "..."], (0, 0), (0, 2)),
    ],
    ids=["top-to-bottom-row", "bottom-row", "left-to-right-column", "corner"],
)
def test_steps_never_wrap_around_the_edges(grid, start, goal):
    path = grid_path(grid, start, goal)
    if path is not None:
        assert_valid_grid_path(grid, path, start, goal)
    rows, cols = len(grid), len(grid[0])
    honest = bfs_reference(grid, start, goal)
    assert (None if path is None else len(path)) == (None if honest is None else len(honest)), (
        f"expected {honest}, got {path}: a step off the top (row -1) or off the left (col -1) must be "
        f"refused; grid[-1] is the last row in Python, not a wall ({rows}x{cols} grid)"
    )


def bfs_reference(grid, start, goal):
    from collections import deque

    rows, cols = len(grid), len(grid[0])
    parent = {start: None}
    queue = deque([start])
    while queue:
        cell = queue.popleft()
        if cell == goal:
            path = [cell]
            while parent[path[-1]] is not None:
                path.append(parent[path[-1]])
            return path[::-1]
        r, c = cell
        for step in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
            if 0 <= step[0] < rows and 0 <= step[1] < cols and grid[step[0]][step[1]] != "#" and step not in parent:
                parent[step] = cell
                queue.append(step)
    return None


@pytest.mark.parametrize(
    "start, goal, message",
    [
        ((0, 9), (0, 0), r"^start \(0, 9\) is outside the 4x7 grid$"),
        ((-1, 0), (0, 0), r"^start \(-1, 0\) is outside the 4x7 grid$"),
        ((0, 0), (4, 0), r"^goal \(4, 0\) is outside the 4x7 grid$"),
        ((0, 0), (0, 7), r"^goal \(0, 7\) is outside the 4x7 grid$"),
        ((0, 0), (3, -1), r"^goal \(3, -1\) is outside the 4x7 grid$"),
        ((0, 2), (0, 0), r"^start \(0, 2\) is a wall$"),
        ((0, 0), (1, 1), r"^goal \(1, 1\) is a wall$"),
    ],
    ids=["start-right-of-grid", "start-above-grid", "goal-below-grid", "goal-one-past-last-col", "goal-negative-col", "start-on-wall", "goal-on-wall"],
)
def test_bad_start_or_goal_is_rejected(start, goal, message):
    with pytest.raises(ValueError, match=message):
        grid_path(MAZE, start, goal)


def test_an_empty_grid_has_no_cells():
    with pytest.raises(ValueError, match=r"^start \(0, 0\) is outside the 0x0 grid$"):
        grid_path([], (0, 0), (0, 0))


def test_the_last_row_and_column_are_inside_the_grid():
    assert grid_path(MAZE, (3, 6), (3, 6)) == [(3, 6)]
    assert grid_path(MAZE, (0, 6), (3, 6)) == [(0, 6), (1, 6), (2, 6), (3, 6)]


def test_a_long_winding_path_in_a_big_grid():
    # a serpentine: 101 rows joined alternately at the right and left ends
    width, height = 60, 101
    grid = []
    for row in range(height):
        if row % 2 == 0:
            grid.append("." * width)
        elif row % 4 == 1:
            grid.append("#" * (width - 1) + ".")
        else:
            grid.append("." + "#" * (width - 1))
    path = grid_path(grid, (0, 0), (height - 1, 0))
    assert path is not None and len(path) - 1 == 50 * (width - 1) + 100
    assert_valid_grid_path(grid, path, (0, 0), (height - 1, 0))


# ---------------------------------------------------------------- bfs_path


GRAPH = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": [], "x": ["a"]}


@pytest.mark.parametrize(
    "start, goal, expected",
    [
        ("a", "f", ["a", "b", "d", "f"]),
        ("a", "e", ["a", "c", "e"]),
        ("a", "a", ["a"]),
        ("a", "x", None),
        ("f", "a", None),
    ],
    ids=["first-found-shortest", "other-branch", "start-is-goal", "edges-are-one-way", "dead-end"],
)
def test_bfs_path_on_a_small_directed_graph(start, goal, expected):
    assert bfs_path(start, goal, GRAPH.__getitem__) == expected


def test_falsy_nodes_are_ordinary_nodes():
    graph = {5: [0], 0: [7], 7: [""], "": []}
    assert bfs_path(5, 7, graph.__getitem__) == [5, 0, 7], "node 0 is a node like any other: test parents with `is None`"
    assert bfs_path(5, "", graph.__getitem__) == [5, 0, 7, ""]


def test_a_path_longer_than_the_recursion_limit():
    n = 20_000
    path = bfs_path(0, n - 1, lambda i: [i + 1] if i + 1 < n else [])
    assert path == list(range(n)), "rebuild the path with a loop: recursion stops at about 1 000 levels"


class Budget:
    def __init__(self, limit: int, what: str) -> None:
        self.used = 0
        self.limit = limit
        self.what = what

    def spend(self) -> None:
        self.used += 1
        if self.used > self.limit:
            pytest.fail(self.what.format(limit=self.limit), pytrace=False)


class Node:
    """A graph node that counts == comparisons (what `in` on a list does to every element)."""

    def __init__(self, number: int, budget: Budget) -> None:
        self.number = number
        self.budget = budget

    def __hash__(self) -> int:
        return hash(self.number)

    def __eq__(self, other) -> bool:
        self.budget.spend()
        return isinstance(other, Node) and self.number == other.number

    def __repr__(self) -> str:
        return f"Node({self.number})"


def lattice(side: int, budget: Budget):
    """neighbours() of a side x side lattice of numbered nodes; records every call."""
    calls = []

    def neighbours(node):
        calls.append(node.number)
        row, col = divmod(node.number, side)
        found = []
        for r, c in ((row - 1, col), (row + 1, col), (row, col - 1), (row, col + 1)):
            if 0 <= r < side and 0 <= c < side:
                found.append(Node(r * side + c, budget))  # a fresh object: only == says it was seen
        return found

    return neighbours, calls


def test_each_node_is_expanded_at_most_once_and_seen_checks_are_o1():
    side = 60
    nodes, edges = side * side, 4 * side * (side - 1)
    budget = Budget(
        4 * (nodes + edges),
        "expected O(V + E) == comparisons (at most {limit} for a 60x60 lattice); observed more: "
        "`in` on a list compares with every element (O(V) per check, O(V^2) in all): use a dict or set",
    )
    neighbours, calls = lattice(side, budget)
    path = bfs_path(Node(0, budget), Node(nodes - 1, budget), neighbours)
    assert path is not None and len(path) - 1 == 2 * (side - 1)
    repeated = len(calls) - len(set(calls))
    assert repeated == 0, (
        f"neighbours() was called {repeated} extra times for nodes already expanded: mark a node as seen "
        "when you queue it, so it is queued (and expanded) only once"
    )


def test_the_search_stops_when_the_goal_is_reached():
    side = 60
    budget = Budget(10**6, "")
    neighbours, calls = lattice(side, budget)
    centre = 30 * side + 30
    path = bfs_path(Node(centre, budget), Node(centre + 2 * side, budget), neighbours)
    assert [node.number for node in path] == [centre, centre + side, centre + 2 * side]
    assert len(calls) <= 13, (
        f"neighbours() was called for {len(calls)} nodes to find a goal 2 steps away; at most the 13 "
        "nodes within 2 steps are needed: return as soon as the goal comes out of the queue"
    )


def test_the_queue_is_a_deque_not_a_list():
    tree = ast.parse(Path(bfs_grid_shortest_path.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"pop", "insert"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == 0
        ):
            pytest.fail(
                f"line {node.lineno}: list.{node.func.attr}(0, ...) moves every other item, so a queue built "
                "on it makes BFS O(V^2): use collections.deque and popleft()/appendleft()",
                pytrace=False,
            )
