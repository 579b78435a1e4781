import ast
import random
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest

import stable_merge_sort
from stable_merge_sort import merge_sort


@pytest.fixture
def time_limit():
    """Turn a too-slow solution into a readable failure instead of a hang.

    Usage: `with time_limit(2): ...`. On systems without SIGALRM (Windows)
    the block simply runs without a limit.
    """

    @contextmanager
    def limit(seconds: float):
        if not hasattr(signal, "setitimer"):
            yield
            return

        def too_slow(signum, frame):
            raise TimeoutError(
                f"still running after {seconds} s on a large input, where an efficient "
                "solution needs a fraction of a second: look for a scan of the whole "
                "data (a loop, `in` on a list, list.remove, list.index) repeated inside a loop"
            )

        previous = signal.signal(signal.SIGALRM, too_slow)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    return limit


PEOPLE = [("ana", 31), ("bo", 25), ("cy", 31), ("di", 25), ("éa", 40)]


def age(person):
    return person[1]


@pytest.mark.parametrize(
    "items, expected",
    [
        ([5, 2, 9, 1, 5, 6], [1, 2, 5, 5, 6, 9]),
        ([3, -1, 0, -7], [-7, -1, 0, 3]),
        (["pear", "Apple", "apple", "éclair"], ["Apple", "apple", "pear", "éclair"]),
        ([], []),
        ([42], [42]),
        ([1, 2, 3, 4], [1, 2, 3, 4]),
        ([4, 3, 2, 1], [1, 2, 3, 4]),
    ],
    ids=["ints", "negatives", "strings-unicode", "empty", "one-item", "already-sorted", "reversed"],
)
def test_sorts_like_sorted(items, expected):
    assert merge_sort(items) == expected


def test_returns_a_new_list_and_leaves_the_input_alone():
    items = [3, 1, 2]
    result = merge_sort(items)
    assert items == [3, 1, 2], "the input list must not change"
    assert result is not items


def test_accepts_any_iterable():
    assert merge_sort(n % 4 for n in range(8)) == [0, 0, 1, 1, 2, 2, 3, 3]
    assert merge_sort((3, 1, 2)) == [1, 2, 3]


def test_equal_keys_keep_their_original_order():
    assert merge_sort(PEOPLE, key=age) == [
        ("bo", 25), ("di", 25), ("ana", 31), ("cy", 31), ("éa", 40)
    ]


def test_reverse_sorts_descending_and_stays_stable():
    assert merge_sort(PEOPLE, key=age, reverse=True) == [
        ("éa", 40), ("ana", 31), ("cy", 31), ("bo", 25), ("di", 25)
    ], "with reverse=True, ties must still keep their original order (like sorted)"
    assert merge_sort([1, 3, 2], reverse=True) == [3, 2, 1]


def test_only_less_than_is_needed():
    class Version:
        def __init__(self, number):
            self.number = number

        def __lt__(self, other):  # no __le__, __gt__ or __ge__
            return self.number < other.number

    versions = [Version(n) for n in (3, 1, 2, 1)]
    assert [v.number for v in merge_sort(versions)] == [1, 1, 2, 3]
    assert [v.number for v in merge_sort(versions, reverse=True)] == [3, 2, 1, 1]


def test_items_that_cannot_be_compared_raise_type_error():
    with pytest.raises(TypeError, match="not supported between instances of"):
        merge_sort([1, "two", 3])


def test_matches_sorted_on_random_records_with_many_ties():
    rng = random.Random(16)
    for _ in range(100):
        records = [(rng.randint(0, 4), n) for n in range(rng.randint(0, 30))]
        for reverse in (False, True):
            assert merge_sort(records, key=lambda r: r[0], reverse=reverse) == sorted(
                records, key=lambda r: r[0], reverse=reverse
            ), f"records={records}, reverse={reverse}"


def test_key_is_called_exactly_once_per_item():
    calls = []

    def slow_key(person):
        calls.append(person)
        return person[1]

    assert merge_sort(PEOPLE, key=slow_key) == sorted(PEOPLE, key=age)
    assert sorted(calls) == sorted(PEOPLE), (
        f"key was called {len(calls)} times for {len(PEOPLE)} items: like sorted(), call it once per "
        "item and compare the stored keys (a key may be slow: a database lookup, a big str.lower())"
    )


def test_items_are_never_compared_only_their_keys():
    orders = [{"id": "b", "total": 5}, {"id": "a", "total": 3}, {"id": "c", "total": 5}, {"id": "d", "total": 3}]
    result = merge_sort(orders, key=lambda order: order["total"])
    assert [order["id"] for order in result] == ["a", "d", "b", "c"], (
        "dicts cannot be compared with <: on equal keys, compare nothing more (sorting (key, item) "
        "tuples would compare the items themselves)"
    )


def test_the_number_of_comparisons_grows_like_n_log_n():
    n = 2_000
    budget = 2 * n * n.bit_length()  # merge sort needs about n * log2(n) = 22 000
    comparisons = 0

    class Counted:
        def __init__(self, value):
            self.value = value

        def __lt__(self, other):
            nonlocal comparisons
            comparisons += 1
            if comparisons > budget:
                pytest.fail(
                    f"more than {budget} comparisons to sort {n} items: merge sort needs about 22 000, "
                    "insertion or bubble sort about a million (O(n^2))"
                )
            return self.value < other.value

    values = list(range(n))
    random.Random(8).shuffle(values)
    assert [item.value for item in merge_sort(Counted(v) for v in values)] == list(range(n))


def test_the_sort_is_written_by_hand():
    tree = ast.parse(Path(stable_merge_sort.__file__).read_text(encoding="utf-8"))
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    names |= {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    used = sorted(names & {"sorted", "sort"})
    assert not used, f"the module uses {used}: this exercise is about writing the merge yourself"


def test_twenty_thousand_items_sort_quickly_and_stably(time_limit):
    rng = random.Random(4)
    records = [(rng.randrange(100), n) for n in range(20_000)]
    with time_limit(2):
        result = merge_sort(records, key=lambda r: r[0])
    assert result == sorted(records, key=lambda r: r[0]), "not sorted, or not stable"
