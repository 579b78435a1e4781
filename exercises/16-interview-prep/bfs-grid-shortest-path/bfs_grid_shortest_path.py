"""Breadth-first search: shortest paths in a graph and a grid.

bfs_path(start, goal, neighbours) -> list | None
    A shortest path (fewest edges) from start to goal in an unweighted graph,
    as the list of nodes from start to goal inclusive; [start] when
    start == goal; None when goal cannot be reached. Nodes are any hashable
    values; neighbours(node) returns an iterable of the nodes one step away.
    Among equally short paths, return the one BFS finds when it explores
    each node's neighbours in the order neighbours() gives them.
    It must be O(V + E): a FIFO queue with O(1) pops (collections.deque;
    list.pop(0) is O(n) and is refused by the tests), a dict or set for what
    was seen (never `in` on a list), each node's neighbours asked for at
    most once, and stop as soon as the goal is reached. No recursion: paths
    may be longer than Python's recursion limit.

grid_path(grid, start, goal) -> list[tuple[int, int]] | None
    grid is a list of equal-length strings: '#' is a wall, any other
    character is open. Cells are (row, col); a step goes up, down, left or
    right (explored in that order) and never leaves the grid (no wrapping
    around the edges). Uses bfs_path.
    start or goal outside the grid: ValueError("start (0, 9) is outside the 3x4 grid")
    start or goal on a wall:        ValueError("goal (1, 1) is a wall")

Example:
    >>> grid_path(["..#",
    ...            ".##",
    ...            "..."], (0, 0), (2, 2))
    [(0, 0), (1, 0), (2, 0), (2, 1), (2, 2)]
"""

from collections import deque
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

N = TypeVar("N", bound=Hashable)
Cell = tuple[int, int]


def bfs_path(start: N, goal: N, neighbours: Callable[[N], Iterable[N]]) -> list[N] | None:
    """Return a shortest path from start to goal, or None."""
    # TODO: a deque of nodes to expand, a dict of parents
    raise NotImplementedError


def grid_path(grid: list[str], start: Cell, goal: Cell) -> list[Cell] | None:
    """Return a shortest path of cells through the open squares, or None."""
    # TODO: validate start and goal, then bfs_path with a neighbours function
    raise NotImplementedError
