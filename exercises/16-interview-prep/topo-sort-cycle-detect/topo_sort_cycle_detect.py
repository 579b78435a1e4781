"""Topological sort with cycle detection (Kahn's algorithm).

Build systems, package managers, schedulers and database migrations all ask
the same question: in which order can these tasks run, if some need others
first? And they must say clearly when the answer is "never" (a cycle).

build_order(deps) -> list[str]
    deps maps a task to the tasks it needs done FIRST, e.g.
    {"deploy": ["test", "build"], "test": ["build"]}. A task named only as a
    dependency ("build") is a task too. Return every task exactly once, each
    after all of its dependencies. Whenever several tasks are ready (all
    their dependencies done), the alphabetically smallest goes next, which
    makes the order unique:
        >>> build_order({"deploy": ["test", "build"], "test": ["build"], "docs": []})
        ['build', 'docs', 'test', 'deploy']
    A dependency listed twice counts once. Do not modify deps or its lists.
    It must be O((V + E) log V) for V tasks and E dependencies (the tests
    count how often task names are hashed and compared: scanning all tasks
    again for each task placed is O(V^2)), and must not recurse: a chain of
    3 000 tasks is ordered (and a cycle of 3 000 found) without RecursionError.

CycleError (a subclass of ValueError) when no order exists. Its message
shows one cycle: start at the alphabetically smallest task that could not
be placed, repeatedly go to its alphabetically smallest dependency that
could not be placed either, until a task repeats; the cycle runs from that
task back to itself:
    build_order({"a": ["b"], "b": ["c"], "c": ["b"]})
    -> CycleError("dependency cycle: b -> c -> b")
    build_order({"x": ["x"]})  -> CycleError("dependency cycle: x -> x")
"""

import heapq
from collections import defaultdict
from collections.abc import Collection, Mapping


class CycleError(ValueError):
    """The dependencies contain a cycle, so no order exists."""


def build_order(deps: Mapping[str, Collection[str]]) -> list[str]:
    """Return the tasks in an order that runs each after its dependencies."""
    # TODO: count unfinished dependencies per task; a heap of ready tasks
    raise NotImplementedError
