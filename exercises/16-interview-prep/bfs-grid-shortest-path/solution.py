"""Breadth-first search: shortest paths in a graph and a grid (reference solution)."""

from collections import deque
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

N = TypeVar("N", bound=Hashable)
Cell = tuple[int, int]


def bfs_path(start: N, goal: N, neighbours: Callable[[N], Iterable[N]]) -> list[N] | None:
    """Return a shortest path from start to goal, or None."""
    parent: dict[N, N | None] = {start: None}  # seen, and the way back
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path = [node]
            while parent[path[-1]] is not None:
                path.append(parent[path[-1]])
            path.reverse()
            return path
        for following in neighbours(node):
            if following not in parent:  # mark on push: each node is queued once
                parent[following] = node
                queue.append(following)
    return None


def grid_path(grid: list[str], start: Cell, goal: Cell) -> list[Cell] | None:
    """Return a shortest path of cells through the open squares, or None."""
    rows = len(grid)
    cols = len(grid[0]) if rows else 0

    def is_open(cell: Cell) -> bool:
        row, col = cell
        return 0 <= row < rows and 0 <= col < cols and grid[row][col] != "#"

    for name, cell in (("start", start), ("goal", goal)):
        row, col = cell
        if not (0 <= row < rows and 0 <= col < cols):
            raise ValueError(f"{name} {cell} is outside the {rows}x{cols} grid")
        if grid[row][col] == "#":
            raise ValueError(f"{name} {cell} is a wall")

    def neighbours(cell: Cell) -> list[Cell]:
        row, col = cell
        steps = [(row - 1, col), (row + 1, col), (row, col - 1), (row, col + 1)]
        return [step for step in steps if is_open(step)]

    return bfs_path(start, goal, neighbours)
