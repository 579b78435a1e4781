import gc
import weakref

import pytest

from weakref_slots_gc_cycles import TreeNode, how_freed


@pytest.fixture
def gc_off():
    """Turn the cyclic gc off so only reference counting frees objects."""
    was_enabled = gc.isenabled()
    gc.disable()
    yield
    if was_enabled:
        gc.enable()


@pytest.fixture
def tree():
    root = TreeNode("root")
    usr = root.add_child(TreeNode("usr"))
    bin_ = usr.add_child(TreeNode("bin"))
    return root, usr, bin_


def test_add_child_links_both_ways(tree):
    root, usr, bin_ = tree
    assert root.children == [usr] and usr.children == [bin_]
    assert usr.parent is root and bin_.parent is usr
    assert root.parent is None


@pytest.mark.parametrize("which, expected", [(0, "root"), (1, "root/usr"), (2, "root/usr/bin")], ids=["root", "child", "grandchild"])
def test_path_names_every_level_from_the_top(tree, which, expected):
    assert tree[which].path() == expected


def test_a_node_can_have_only_one_parent(tree):
    root, usr, _ = tree
    with pytest.raises(ValueError, match="'usr'"):
        TreeNode("other").add_child(usr)
    assert usr.parent is root


def test_nodes_have_slots_and_no_instance_dict():
    node = TreeNode("n")
    assert not hasattr(node, "__dict__"), "declare __slots__ so instances have no __dict__"
    with pytest.raises(AttributeError):
        node.nmae = "typo"
    assert weakref.ref(node)() is node, "include '__weakref__' in __slots__ so nodes can be weakly referenced"


def test_the_parent_link_is_weak(tree):
    _, usr, _ = tree
    assert isinstance(usr._parent, weakref.ref), "store weakref.ref(parent) in _parent"


def test_dropping_the_root_frees_the_whole_tree_without_the_gc(gc_off):
    root = TreeNode("root")
    child = root.add_child(TreeNode("child"))
    grandchild = child.add_child(TreeNode("grandchild"))
    refs = [weakref.ref(node) for node in (root, child, grandchild)]

    del root, child, grandchild

    assert [ref() for ref in refs] == [None, None, None], (
        "with the gc off, a tree is freed only if it has no cycle: the parent link must be a weak reference"
    )


def test_a_child_kept_alive_sees_its_parent_go(gc_off):
    root = TreeNode("root")
    leaf = root.add_child(TreeNode("leaf"))

    del root

    assert leaf.parent is None, "when the parent is freed, the weak link gives None"
    assert leaf.path() == "leaf"


class Pair:
    def __init__(self):
        self.other = None


def make_plain():
    return Pair()


def make_cycle():
    a, b = Pair(), Pair()
    a.other, b.other = b, a
    return a


KEPT = []


def make_leak():
    obj = Pair()
    KEPT.append(obj)
    return obj


@pytest.mark.parametrize(
    "factory, expected",
    [(make_plain, "refcount"), (make_cycle, "gc"), (make_leak, "leaked"), (lambda: TreeNode("t"), "refcount")],
    ids=["plain-object", "cycle", "held-elsewhere", "tree-node"],
)
def test_how_freed_tells_refcount_gc_and_leak_apart(factory, expected):
    assert how_freed(factory) == expected


def test_how_freed_keeps_the_gc_enabled_when_it_was():
    assert gc.isenabled()
    how_freed(make_cycle)
    assert gc.isenabled(), "turn the gc back on when you are done"


def test_how_freed_leaves_a_disabled_gc_disabled(gc_off):
    how_freed(make_plain)
    assert not gc.isenabled(), "re-enable the gc only if it was enabled before"

