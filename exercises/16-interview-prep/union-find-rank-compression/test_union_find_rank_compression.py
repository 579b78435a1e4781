import random

import pytest

from union_find_rank_compression import DisjointSet


def depth(ds, x):
    """Links from x to its root, read with parent_of only (no compression)."""
    steps = 0
    while ds.parent_of(x) != x:
        x = ds.parent_of(x)
        steps += 1
        assert steps < 10_000, "parent_of goes round in a loop"
    return steps


def test_the_docstring_example():
    ds = DisjointSet("abcd")
    assert (ds.union("a", "b"), ds.union("c", "d"), ds.union("b", "a")) == (True, True, False)
    assert (ds.find("b"), ds.set_count, ds.connected("a", "c")) == ("a", 2, False)
    assert ds.union("d", "b") is True
    assert (ds.find("a"), ds.size("a")) == ("c", 4)


def test_new_items_are_alone():
    ds = DisjointSet([1, 2, 3])
    assert [ds.find(x) for x in (1, 2, 3)] == [1, 2, 3]
    assert [ds.parent_of(x) for x in (1, 2, 3)] == [1, 2, 3]
    assert (len(ds), ds.set_count, ds.size(2)) == (3, 3, 1)
    assert DisjointSet().set_count == 0 and len(DisjointSet()) == 0


def test_equal_ranks_put_bs_root_under_as_root():
    ds = DisjointSet()
    assert ds.union("x", "y") is True, "union adds unknown items"
    assert ds.parent_of("y") == "x" and ds.find("y") == "x", "equal ranks: the root of b's set goes under the root of a's set"
    assert (len(ds), ds.set_count) == (2, 1)


def test_the_lower_rank_root_goes_under_whatever_the_argument_order():
    ds = DisjointSet("abcde")
    ds.union("a", "b")  # a: rank 1
    ds.union("c", "a")  # c has rank 0: it goes under a, although it is the first argument
    assert ds.find("c") == "a", "union by rank: the root with the smaller rank goes under the other one"
    ds.union("e", "d")  # e: rank 1
    ds.union("e", "a")  # equal ranks 1 and 1: a goes under e, e gets rank 2
    assert ds.find("b") == "e"
    assert ds.size("d") == 5


def test_rank_decides_not_size():
    ds = DisjointSet()
    for leaf in ("s1", "s2", "s3", "s4"):
        ds.union("star", leaf)  # rank 1, size 5
    ds.union("p", "q")
    ds.union("r", "t")
    ds.union("p", "r")  # rank 2, size 4
    ds.union("star", "p")
    assert ds.find("star") == "p", (
        "union by RANK: the star (rank 1, 5 items) goes under p (rank 2, 4 items); by size it would be the other way"
    )
    assert ds.size("s3") == 9


def test_a_rank_grows_only_on_a_tie():
    ds = DisjointSet()
    ds.union("a", "b")  # a: rank 1
    ds.union("a", "c")  # c (rank 0) under a; a stays rank 1
    ds.union("x", "y")  # x: rank 1
    ds.union("x", "a")  # 1 == 1: a goes under x
    assert ds.find("a") == "x", (
        "a's rank must still be 1 after absorbing a rank-0 root: only equal ranks make the new root taller"
    )


def test_union_of_the_same_set_changes_nothing():
    ds = DisjointSet("abc")
    ds.union("a", "b")
    ds.union("a", "c")
    before = {x: ds.parent_of(x) for x in "abc"}
    assert ds.union("c", "b") is False
    assert ds.union("a", "a") is False
    assert (ds.set_count, ds.size("a")) == (1, 3), "a union inside one set must not change the count or the size"
    assert {x: ds.parent_of(x) for x in "abc"} == before
    ds.union("z", "w")
    assert ds.find("z") == "z", "a's root must not have gained rank from the useless unions"


def test_adding_a_known_item_keeps_its_set():
    ds = DisjointSet()
    ds.union("a", "b")
    ds.add("b")
    ds.add("a")
    assert ds.connected("a", "b"), "add must not reset an item that is already known"
    assert (len(ds), ds.set_count, ds.size("b")) == (2, 1, 2)


def test_find_compresses_the_whole_path():
    ds = DisjointSet(range(8))
    for a, b in [(0, 1), (2, 3), (4, 5), (6, 7), (0, 2), (4, 6), (0, 4)]:
        ds.union(a, b)
    # the unions built 0 <- 4 <- 6 <- 7: item 7 is three links from the root
    assert depth(ds, 7) == 3, "union by rank should have built a tree of height 3 here"
    assert [ds.parent_of(x) for x in (7, 7, 7)] == [6, 6, 6], "parent_of must only read, never compress"
    assert ds.find(7) == 0
    assert [ds.parent_of(x) for x in (7, 6, 4)] == [0, 0, 0], (
        "after find(7), 7 AND every item on its way (6, 4) must point directly at the root"
    )
    assert ds.parent_of(5) == 4, "items that were not on the path keep their parent"


def test_size_and_connected_work_through_long_paths():
    ds = DisjointSet(range(16))
    for step in (1, 2, 4, 8):
        for a in range(0, 16, 2 * step):
            ds.union(a, a + step)
    assert ds.size(15) == 16 and ds.connected(15, 9) and ds.set_count == 1


@pytest.mark.parametrize(
    "call",
    [lambda ds: ds.find("ghost"), lambda ds: ds.connected("a", "ghost"), lambda ds: ds.size("ghost")],
    ids=["find", "connected", "size"],
)
def test_unknown_items_raise_key_error(call):
    ds = DisjointSet("ab")
    with pytest.raises(KeyError, match="ghost"):
        call(ds)


def test_two_forests_share_nothing():
    first, second = DisjointSet(), DisjointSet()
    first.union(1, 2)
    assert len(second) == 0 and second.set_count == 0


def test_trees_stay_shallow_on_a_long_chain_of_unions():
    n = 50_000
    ds = DisjointSet()
    for i in range(n - 1):
        ds.union(i, i + 1)
    deepest = max(depth(ds, x) for x in range(0, n, 97))
    assert deepest <= n.bit_length(), (
        f"a path of {deepest} links after chaining {n} unions: union by rank keeps every tree within log2(n) = "
        f"{n.bit_length()} links (linking roots the other way round builds one long chain)"
    )
    assert ds.connected(0, n - 1) and ds.size(n // 2) == n and ds.set_count == 1


def test_matches_connected_components_of_random_graphs():
    rng = random.Random(16)
    for _ in range(50):
        n = rng.randint(1, 40)
        edges = [(rng.randrange(n), rng.randrange(n)) for _ in range(rng.randint(0, n))]
        ds = DisjointSet(range(n))
        for a, b in edges:
            ds.union(a, b)
        # reference components by repeated relabelling
        label = list(range(n))
        changed = True
        while changed:
            changed = False
            for a, b in edges:
                low = min(label[a], label[b])
                if label[a] != low or label[b] != low:
                    label[a] = label[b] = low
                    changed = True
        assert ds.set_count == len(set(label)), f"edges={edges}"
        for a in range(n):
            for b in range(n):
                assert ds.connected(a, b) == (label[a] == label[b]), f"{a}, {b} in edges={edges}"
        for a in range(n):
            assert ds.size(a) == label.count(label[a])
