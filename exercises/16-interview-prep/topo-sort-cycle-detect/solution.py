"""Topological sort with cycle detection (reference solution)."""

import heapq
from collections import defaultdict
from collections.abc import Collection, Mapping


class CycleError(ValueError):
    """The dependencies contain a cycle, so no order exists."""


def build_order(deps: Mapping[str, Collection[str]]) -> list[str]:
    """Return the tasks in an order that runs each after its dependencies."""
    waiting: dict[str, int] = {}  # task -> dependencies not done yet
    unblocks: defaultdict[str, list[str]] = defaultdict(list)
    for task, needs in deps.items():
        waiting.setdefault(task, 0)
        for need in set(needs):
            waiting.setdefault(need, 0)
            waiting[task] += 1
            unblocks[need].append(task)

    ready = [task for task, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        task = heapq.heappop(ready)
        order.append(task)
        for later in unblocks[task]:
            waiting[later] -= 1
            if waiting[later] == 0:
                heapq.heappush(ready, later)

    if len(order) < len(waiting):
        stuck = {task for task, count in waiting.items() if count > 0}
        raise CycleError("dependency cycle: " + " -> ".join(_find_cycle(deps, stuck)))
    return order


def _find_cycle(deps: Mapping[str, Collection[str]], stuck: set[str]) -> list[str]:
    """Walk stuck tasks by their smallest stuck dependency until one repeats."""
    path: list[str] = []
    position: dict[str, int] = {}
    task = min(stuck)
    while task not in position:
        position[task] = len(path)
        path.append(task)
        task = min(need for need in deps[task] if need in stuck)
    return path[position[task]:] + [task]
