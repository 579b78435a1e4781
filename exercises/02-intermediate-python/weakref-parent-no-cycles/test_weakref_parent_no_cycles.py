import gc
import weakref

import pytest

from weakref_parent_no_cycles import Node, PriceBook


@pytest.fixture
def no_cycle_collector():
    """Turn the cycle collector off: only reference counting frees objects now."""
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    yield
    if was_enabled:
        gc.enable()


# ---------------------------------------------------------------- Node


def test_a_child_joins_its_parents_children_and_knows_its_parent():
    root = Node("root")
    usr = Node("usr", root)
    etc = Node("etc", root)
    bin_ = Node("bin", usr)

    assert root.children == [usr, etc], "children keep the order in which they were made"
    assert usr.children == [bin_]
    assert bin_.parent is usr and usr.parent is root
    assert root.parent is None


@pytest.mark.parametrize(
    ("depth", "expected"),
    [(0, "root"), (1, "root/usr"), (3, "root/usr/local/bin")],
    ids=["root", "one-down", "three-down"],
)
def test_path_lists_the_names_from_the_root_down(depth, expected):
    nodes = [Node("root")]  # the test holds every node: a weak parent link alone would not
    for name in ["usr", "local", "bin"][:depth]:
        nodes.append(Node(name, nodes[-1]))

    assert nodes[-1].path() == expected


def test_deleting_the_root_frees_the_whole_tree_at_once(no_cycle_collector):
    root = Node("root")
    usr = Node("usr", root)
    bin_ = Node("bin", usr)
    refs = {name: weakref.ref(node) for name, node in [("root", root), ("usr", usr), ("bin", bin_)]}

    del root, usr, bin_
    alive = sorted(name for name, ref in refs.items() if ref() is not None)

    assert alive == [], (
        f"{alive} still alive after the tree was dropped: a child that holds its parent strongly "
        "makes a cycle, which reference counting never frees. Keep weakref.ref(parent)"
    )


def test_a_node_that_outlives_its_parent_becomes_a_root(no_cycle_collector):
    root = Node("root")
    usr = Node("usr", root)

    del root

    assert usr.parent is None, "the parent is gone: calling the weak reference gives None"
    assert usr.path() == "usr"


def test_parent_is_read_only():
    node = Node("usr", Node("root"))

    with pytest.raises(AttributeError):
        node.parent = Node("elsewhere")


# ---------------------------------------------------------------- PriceBook


def test_price_is_the_unit_price_times_the_quantity():
    book = PriceBook({"apple": 0.5, "pear": 0.75})

    assert book.price("apple", 4) == 2.0
    assert book.price("pear", 2) == 1.5


def test_looks_each_sku_up_only_once_whatever_the_quantity():
    book = PriceBook({"apple": 0.5, "pear": 0.75})

    prices = [book.price("apple", q) for q in (1, 2, 3)] + [book.price("pear", 1)]

    assert prices == [0.5, 1.0, 1.5, 0.75]
    assert book.lookups == 2, (
        f"lookup ran {book.lookups} times for 2 skus: cache the unit price per sku, "
        "not per (sku, quantity)"
    )


def test_a_unit_price_of_zero_is_cached_too():
    book = PriceBook({"sample": 0.0})

    assert [book.price("sample", 3), book.price("sample", 5)] == [0.0, 0.0]
    assert book.lookups == 1, "0.0 is a cached price: test `sku in cache`, not its truth"


def test_two_books_never_share_answers():
    cheap = PriceBook({"apple": 0.5})
    dear = PriceBook({"apple": 2.0})

    assert cheap.price("apple", 1) == 0.5
    assert dear.price("apple", 1) == 2.0, (
        "the second book answered with the first book's price: make the cache in __init__ "
        "(self._cache = {}), not at class level"
    )


def test_a_missing_sku_raises_key_error_and_is_not_cached():
    book = PriceBook({"apple": 0.5})

    with pytest.raises(KeyError, match="kiwi"):
        book.price("kiwi", 1)
    book.rates["kiwi"] = 1.25
    assert book.price("kiwi", 2) == 2.5


def test_a_deleted_book_is_freed_at_once(no_cycle_collector):
    book = PriceBook({"apple": 0.5})
    book.price("apple", 1)
    ref = weakref.ref(book)

    del book

    assert ref() is None, (
        "the PriceBook is still alive after `del`: a cache shared by the class (such as "
        "functools.lru_cache on a method) holds every `self` it has seen. Keep the cache on "
        "the instance"
    )
