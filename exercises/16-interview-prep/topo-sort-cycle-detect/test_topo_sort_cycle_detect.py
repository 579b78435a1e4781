import copy
import heapq
import random

import pytest

from topo_sort_cycle_detect import CycleError, build_order


def reference_order(deps):
    """The smallest-ready-first order, the slow and obvious way (small inputs only)."""
    tasks = set(deps) | {need for needs in deps.values() for need in needs}
    done, order = set(), []
    while len(order) < len(tasks):
        ready = [t for t in tasks - done if set(deps.get(t, ())) <= done]
        task = min(ready)
        done.add(task)
        order.append(task)
    return order


def assert_dependencies_first(deps, order):
    position = {task: i for i, task in enumerate(order)}
    assert len(position) == len(order), f"a task appears twice in {order}"
    for task, needs in deps.items():
        for need in needs:
            assert position[need] < position[task], f"{task!r} is placed before its dependency {need!r}: {order}"


def test_the_docstring_example():
    deps = {"deploy": ["test", "build"], "test": ["build"], "docs": []}
    assert build_order(deps) == ["build", "docs", "test", "deploy"]


@pytest.mark.parametrize(
    "deps, expected",
    [
        ({}, []),
        ({"solo": []}, ["solo"]),
        ({"app": ["lib"]}, ["lib", "app"]),
        ({"d": ["b", "c"], "b": ["a"], "c": ["a"]}, ["a", "b", "c", "d"]),
        ({"z": [], "y": [], "x": []}, ["x", "y", "z"]),
        ({"c": ["a"], "b": []}, ["a", "b", "c"]),
        ({"app": ["lib", "lib", "lib"]}, ["lib", "app"]),
        ({"déploiement": ["bâtir"], "bâtir": []}, ["bâtir", "déploiement"]),
    ],
    ids=["empty", "one-task", "dependency-only-task", "diamond", "independent-alphabetical", "ready-set-grows", "duplicate-dependency", "unicode"],
)
def test_orders_tasks_after_their_dependencies(deps, expected):
    assert build_order(deps) == expected


def test_the_smallest_ready_task_goes_next_not_the_smallest_left():
    deps = {"a": ["m"], "b": [], "m": ["z"], "z": []}
    assert build_order(deps) == ["b", "z", "m", "a"], (
        "only tasks whose dependencies are all done may be chosen: 'a' waits for 'm', which waits for 'z'"
    )


def test_matches_the_obvious_order_on_random_graphs():
    rng = random.Random(16)
    for _ in range(150):
        names = [f"t{n:02d}" for n in range(rng.randint(1, 25))]
        rng.shuffle(names)
        # edges only from later to earlier names in this shuffled list: no cycles
        deps = {name: rng.sample(names[:i], rng.randint(0, min(i, 3))) for i, name in enumerate(names) if rng.random() < 0.8}
        order = build_order(deps)
        assert_dependencies_first(deps, order)
        assert order == reference_order(deps), f"deps={deps}"


def test_the_input_is_not_modified():
    deps = {"deploy": ["test", "build"], "test": ["build"], "docs": []}
    before = copy.deepcopy(deps)
    build_order(deps)
    assert deps == before, "build_order must not change the caller's mapping or its lists"


def test_tuples_and_sets_work_as_dependency_lists():
    assert build_order({"c": ("a", "b"), "b": {"a"}}) == ["a", "b", "c"]


@pytest.mark.parametrize(
    "deps, cycle",
    [
        ({"x": ["x"]}, "x -> x"),
        ({"a": ["b"], "b": ["a"]}, "a -> b -> a"),
        ({"a": ["b"], "b": ["c"], "c": ["b"]}, "b -> c -> b"),
        ({"ok": [], "p": ["q", "ok"], "q": ["r"], "r": ["p"]}, "p -> q -> r -> p"),
        ({"a": ["c", "b"], "b": ["a"], "c": ["a"]}, "a -> b -> a"),
        ({"m": ["n"], "n": ["m"], "a": ["b"], "b": ["a"]}, "a -> b -> a"),
    ],
    ids=["self-loop", "two-tasks", "cycle-below-a-blocked-task", "three-tasks", "smallest-dependency-first", "two-cycles"],
)
def test_a_cycle_is_reported_with_its_tasks(deps, cycle):
    with pytest.raises(CycleError, match=f"^dependency cycle: {cycle}$"):
        build_order(deps)


def test_cycle_error_is_a_value_error():
    assert issubclass(CycleError, ValueError)
    with pytest.raises(ValueError):
        build_order({"a": ["b"], "b": ["a"]})


class Budget:
    def __init__(self, limit: int) -> None:
        self.used = 0
        self.limit = limit
        self.size = ""

    def spend(self) -> None:
        self.used += 1
        if self.used > self.limit:
            pytest.fail(
                f"expected O((V + E) log V): at most {self.limit} hash/compare operations on task names for "
                f"{self.size}; observed more than that. Looking through all remaining tasks "
                "for a ready one, or min() over all ready ones, each time is O(V^2): keep a count of unfinished "
                "dependencies per task and the ready tasks in a heap",
                pytrace=False,
            )


def counted_names(budget: Budget):
    class Name(str):
        """A task name that counts every hash (dict/set lookup) and comparison."""

        def __hash__(self):
            budget.spend()
            return str.__hash__(self)

        def __eq__(self, other):
            budget.spend()
            return str.__eq__(self, other)

        def __lt__(self, other):
            budget.spend()
            return str.__lt__(self, other)

        def __gt__(self, other):
            budget.spend()
            return str.__gt__(self, other)

        def __le__(self, other):
            budget.spend()
            return str.__le__(self, other)

        def __ge__(self, other):
            budget.spend()
            return str.__ge__(self, other)

    return Name


@pytest.mark.parametrize("independent", [False, True], ids=["random-dag", "all-ready-at-once"])
def test_the_work_grows_like_v_plus_e_not_v_squared(independent):
    rng = random.Random(7)
    v = 2_000
    unlimited = Budget(10**9)
    Name = counted_names(unlimited)
    names = [Name(f"task{n:04d}") for n in range(v)]
    rng.shuffle(names)
    if independent:  # 2 000 tasks are ready together: picking the smallest must not scan them all
        deps = {name: [] for name in names}
    else:
        deps = {name: rng.sample(names[max(0, i - 50):i], min(i, 3)) for i, name in enumerate(names)}
    edges = sum(len(needs) for needs in deps.values())
    budget = 20 * (v + edges)
    unlimited.size = f"{v} tasks and {edges} dependencies"
    unlimited.used, unlimited.limit = 0, budget  # building the test data does not count
    order = build_order(deps)
    observed, unlimited.limit = unlimited.used, 10**9
    print(f"{observed} operations, budget {budget}")
    assert_dependencies_first(deps, order)


def test_a_chain_of_three_thousand_tasks_does_not_recurse():
    n = 3_000
    deps = {f"step{i:05d}": [f"step{i - 1:05d}"] for i in range(n - 1, 0, -1)}
    assert build_order(deps) == [f"step{i:05d}" for i in range(n)], (
        "a recursive depth-first search fails here (RecursionError): use Kahn's algorithm with a loop"
    )


def test_a_long_cycle_is_found_without_recursion():
    n = 3_000
    deps = {f"s{i:04d}": [f"s{(i + 1) % n:04d}"] for i in range(n)}
    with pytest.raises(CycleError) as caught:
        build_order(deps)
    assert str(caught.value) == "dependency cycle: " + " -> ".join([f"s{i:04d}" for i in range(n)] + ["s0000"])
