import ast
import itertools
import random
from pathlib import Path

import pytest

import heapq_topk_merge_streams
from heapq_topk_merge_streams import merge_sorted, top_k


class Counter:
    """Counts every comparison made between Key objects."""

    def __init__(self) -> None:
        self.comparisons = 0


class Key:
    """A number that counts how often it is compared (==, <, <=, >, >=)."""

    def __init__(self, value, counter: Counter) -> None:
        self.value = value
        self.counter = counter

    def _count(self) -> None:
        self.counter.comparisons += 1

    def __eq__(self, other):
        self._count()
        return self.value == other.value

    def __lt__(self, other):
        self._count()
        return self.value < other.value

    def __le__(self, other):
        self._count()
        return self.value <= other.value

    def __gt__(self, other):
        self._count()
        return self.value > other.value

    def __ge__(self, other):
        self._count()
        return self.value >= other.value

    __hash__ = None


class PullCounter:
    """An iterator over values that records how many items were pulled from it."""

    def __init__(self, values) -> None:
        self._values = iter(values)
        self.pulled = 0

    def __iter__(self):
        return self

    def __next__(self):
        value = next(self._values)
        self.pulled += 1
        return value


# ---------------------------------------------------------------- top_k


@pytest.mark.parametrize(
    "items, k, expected",
    [
        ([5, 1, 9, 3, 7], 3, [9, 7, 5]),
        ([5, 1, 9, 3, 7], 1, [9]),
        ([5, 1, 9], 3, [9, 5, 1]),
        ([5, 1, 9], 10, [9, 5, 1]),
        ([5, 1, 9], 0, []),
        ([], 3, []),
        ([-4, -1, -9, 0], 2, [0, -1]),
        (["pear", "éclair", "apple"], 2, ["éclair", "pear"]),
    ],
    ids=["three-of-five", "one", "k-equals-n", "k-above-n", "k-zero", "empty", "negatives", "unicode-strings"],
)
def test_top_k_returns_the_largest_items_largest_first(items, k, expected):
    assert top_k(items, k) == expected


def test_top_k_uses_the_key_and_returns_the_items():
    words = ["kiwi", "banana", "fig", "cherry"]
    assert top_k(words, 2, key=len) == ["banana", "cherry"], (
        "banana and cherry both have key 6: equal keys keep their input order (compare a position number, "
        "never the items themselves)"
    )


def test_equal_keys_keep_their_input_order():
    scores = [("ana", 7), ("bo", 9), ("cy", 7), ("di", 9), ("ed", 7)]
    assert top_k(scores, 4, key=lambda s: s[1]) == [("bo", 9), ("di", 9), ("ana", 7), ("cy", 7)], (
        "on equal keys the earlier item ranks higher and keeps the last place: a later item "
        "with the same key must not push it out"
    )


def test_a_later_equal_key_does_not_take_the_last_place():
    assert top_k([("first", 1), ("second", 1), ("third", 1)], 1, key=lambda s: s[1]) == [("first", 1)], (
        "replace the root of the heap only with a STRICTLY better entry"
    )


def test_items_that_cannot_be_compared_are_never_compared():
    scores = [{"who": "ana", "pts": 7}, {"who": "bo", "pts": 9}, {"who": "cy", "pts": 7}, {"who": "di", "pts": 7}]
    try:
        result = top_k(scores, 3, key=lambda s: s["pts"])
    except TypeError as error:
        pytest.fail(
            f"TypeError: {error}. Heap entries (key, item) compare the dicts when two keys are equal: put a "
            "unique number between the key and the item",
            pytrace=False,
        )
    assert [s["who"] for s in result] == ["bo", "ana", "cy"]


def test_top_k_accepts_a_generator():
    assert top_k((n * 7 % 10 for n in range(10)), 3) == [9, 8, 7]


def test_top_k_does_not_modify_the_callers_list():
    items = [5, 1, 9, 3, 7, 2]
    top_k(items, 3)
    assert items == [5, 1, 9, 3, 7, 2], "heapify/sort a copy or your own heap, never the caller's list"


def test_a_negative_k_is_rejected():
    with pytest.raises(ValueError, match=r"^k must be >= 0, got -1$"):
        top_k([1, 2, 3], -1)


def test_top_k_matches_sorting_on_random_data_with_ties():
    rng = random.Random(16)
    for _ in range(200):
        records = [(rng.randint(0, 5), n) for n in range(rng.randint(0, 25))]
        k = rng.randint(0, 8)
        expected = sorted(records, key=lambda r: r[0], reverse=True)[:k]
        assert top_k(records, k, key=lambda r: r[0]) == expected, f"records={records}, k={k}"


def test_top_k_needs_about_n_log_k_comparisons_not_a_full_sort():
    n, k = 20_000, 10
    counter = Counter()
    values = list(range(n))
    random.Random(3).shuffle(values)
    keys = [Key(v, counter) for v in values]
    budget = 5 * n  # a heap of 10 needs about 2 comparisons per item; sorting 20 000 needs about 14 per item
    result = top_k(keys, k)
    assert [key.value for key in result] == list(range(n - 1, n - 1 - k, -1))
    assert counter.comparisons <= budget, (
        f"expected O(n log k): at most {budget} key comparisons for n={n}, k={k}; observed "
        f"{counter.comparisons}. Keep only k entries in a heap and compare each new one with heap[0], "
        "instead of sorting all n items (O(n log n))"
    )


# ---------------------------------------------------------------- merge_sorted


@pytest.mark.parametrize(
    "streams, expected",
    [
        (([1, 4, 9], [2, 3], [], [5]), [1, 2, 3, 4, 5, 9]),
        (([1, 2, 3],), [1, 2, 3]),
        ((), []),
        (([], []), []),
        (([-5, 0], [-7, 10]), [-7, -5, 0, 10]),
        (([1, 1, 2], [1, 2, 2]), [1, 1, 1, 2, 2, 2]),
    ],
    ids=["four-streams", "one-stream", "no-streams", "only-empty-streams", "negatives", "duplicates"],
)
def test_merge_sorted_merges_sorted_streams(streams, expected):
    assert list(merge_sorted(*streams)) == expected


def test_equal_keys_come_from_the_earlier_stream_first():
    web = [{"t": 1, "src": "web-1"}, {"t": 3, "src": "web-3"}, {"t": 3, "src": "web-3b"}]
    db = [{"t": 1, "src": "db-1"}, {"t": 2, "src": "db-2"}, {"t": 3, "src": "db-3"}]
    try:
        merged = [r["src"] for r in merge_sorted(web, db, key=lambda r: r["t"])]
    except TypeError as error:
        pytest.fail(
            f"TypeError: {error}. Heap entries (key, record, ...) compare the dicts when two keys are equal: put "
            "the stream's number between the key and the record",
            pytrace=False,
        )
    assert merged == ["web-1", "db-1", "db-2", "web-3", "web-3b", "db-3"], "equal keys: the earlier stream comes first"


def test_merge_sorted_is_a_lazy_generator():
    first = PullCounter(range(0, 1000, 3))
    second = PullCounter(range(1, 1000, 3))
    third = PullCounter(range(2, 1000, 3))
    merged = merge_sorted(first, second, third)
    assert iter(merged) is merged, "merge_sorted must return an iterator (write it as a generator)"
    assert [next(merged) for _ in range(4)] == [0, 1, 2, 3]
    pulled = first.pulled + second.pulled + third.pulled
    assert pulled <= 6, (
        f"after yielding 4 items from 3 streams, {pulled} items were read (6 at most): hold one item per stream and "
        "pull the next one only after yielding the previous one (never list() a stream)"
    )


def test_merge_sorted_works_on_endless_streams():
    evens = itertools.count(0, 2)
    odds = itertools.count(1, 2)
    assert list(itertools.islice(merge_sorted(evens, odds), 7)) == [0, 1, 2, 3, 4, 5, 6]


def test_merge_sorted_does_not_read_past_what_was_asked_of_a_stream():
    short = PullCounter([1, 2, 3])
    merged = merge_sorted(short)
    assert next(merged) == 1
    assert short.pulled == 1, "one stream: read its second item only when the first has been yielded and more is asked"


def test_merging_many_streams_needs_about_log_k_comparisons_per_item():
    streams_count, per_stream = 256, 10
    counter = Counter()
    values = list(range(streams_count * per_stream))
    random.Random(5).shuffle(values)
    streams = [sorted(values[i::streams_count]) for i in range(streams_count)]
    keyed = [[Key(v, counter) for v in stream] for stream in streams]
    result = [key.value for key in merge_sorted(*keyed)]
    n = len(values)
    assert result == list(range(n))
    budget = 4 * n * 8  # log2(256) = 8
    assert counter.comparisons <= budget, (
        f"expected O(n log k): at most {budget} comparisons to merge {n} items from {streams_count} "
        f"streams; observed {counter.comparisons}. Taking the minimum of all stream heads for every "
        "item is O(n k): keep the heads in a heap"
    )


def test_the_heap_work_is_written_by_hand():
    tree = ast.parse(Path(heapq_topk_merge_streams.__file__).read_text(encoding="utf-8"))
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    names |= {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    names |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names}
    used = sorted(names & {"nlargest", "nsmallest", "merge"})
    assert not used, f"the module uses heapq.{used[0]}: write it with heappush/heappop/heapreplace yourself"
