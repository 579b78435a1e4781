import signal
from collections import Counter
from contextlib import contextmanager

import pytest

from consistent_hash_ring import HashRing, ring_hash


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


CACHES = ["cache-a", "cache-b", "cache-c", "cache-d"]
KEYS = [f"user:{n}" for n in range(5_000)]


@pytest.fixture
def ring():
    return HashRing(CACHES)


def owners(ring):
    return {key: ring.get_node(key) for key in KEYS}


def test_ring_hash_is_the_first_8_bytes_of_md5():
    assert ring_hash("user:42") == 6258559928114592308, "ring_hash is given: do not change it"


# With one virtual node each, positions are ring_hash("c#0") < ring_hash("b#0") < ring_hash("a#0").
@pytest.mark.parametrize(
    "key, node",
    [("k7", "c"), ("k12", "b"), ("k0", "a"), ("k3", "c"), ("b#0", "b"), ("a#0", "a")],
    ids=["before-the-first-point", "between-c-and-b", "between-b-and-a",
         "past-the-last-point-wraps-to-the-first", "exactly-on-b", "exactly-on-the-last-point"],
)
def test_a_key_belongs_to_the_first_point_at_or_after_it(key, node):
    ring = HashRing(["a", "b", "c"], replicas=1)
    assert ring.get_node(key) == node, f"ring_hash({key!r}) = {ring_hash(key)}"


def test_example_from_the_docstring():
    ring = HashRing(["cache-a", "cache-b", "cache-c"])
    assert ring.get_node("user:42") == "cache-a"
    assert ring.get_node("session:ü") == "cache-b"


def test_the_same_nodes_give_the_same_answers_in_any_order(ring):
    other = HashRing(reversed(CACHES))
    assert owners(ring) == owners(other)
    assert ring.nodes == CACHES
    assert other.nodes == CACHES, "nodes is sorted by name, whatever order they were added in"


def test_nodes_is_a_copy_the_caller_cannot_use_to_change_the_ring(ring):
    names = ring.nodes
    names.append("cache-z")
    names.remove("cache-a")
    assert ring.nodes == CACHES, "return a new list: the caller must not be able to edit the ring's own state"
    with pytest.raises(ValueError, match="already in the ring"):
        ring.add_node("cache-a")


def test_the_default_is_100_virtual_nodes_per_node(ring):
    assert owners(ring) == owners(HashRing(CACHES, replicas=100))


def test_virtual_nodes_spread_the_keys_evenly(ring):
    load = Counter(owners(ring).values())
    assert set(load) == set(CACHES)
    for node, count in load.items():
        assert 0.15 < count / len(KEYS) < 0.35, f"{node} owns {count} of {len(KEYS)} keys"


def test_adding_a_node_moves_only_keys_to_that_node(ring):
    before = owners(ring)
    ring.add_node("cache-e")
    after = owners(ring)
    moved = [key for key in KEYS if before[key] != after[key]]
    assert {after[key] for key in moved} == {"cache-e"}, "keys may only move to the new node"
    assert 0.1 < len(moved) / len(KEYS) < 0.3, f"{len(moved)} keys moved; about 1/5 should"


def test_removing_a_node_moves_only_its_own_keys(ring):
    before = owners(ring)
    ring.remove_node("cache-b")
    after = owners(ring)
    for key in KEYS:
        if before[key] != "cache-b":
            assert after[key] == before[key], f"{key} moved although cache-b did not own it"
    assert "cache-b" not in after.values()
    assert ring.nodes == ["cache-a", "cache-c", "cache-d"]


def test_removing_and_adding_back_restores_every_key(ring):
    before = owners(ring)
    ring.remove_node("cache-c")
    ring.add_node("cache-c")
    assert owners(ring) == before


def test_a_single_node_owns_everything():
    ring = HashRing(["only"], replicas=3)
    assert {ring.get_node(key) for key in KEYS[:500]} == {"only"}


def test_an_empty_ring_cannot_answer():
    ring = HashRing()
    assert ring.nodes == []
    with pytest.raises(LookupError, match="^the ring has no nodes$"):
        ring.get_node("user:1")
    ring.add_node("x")
    ring.remove_node("x")
    with pytest.raises(LookupError, match="^the ring has no nodes$"):
        ring.get_node("user:1")


def test_adding_a_node_twice_is_an_error(ring):
    with pytest.raises(ValueError, match="^node 'cache-a' is already in the ring$"):
        ring.add_node("cache-a")


def test_removing_an_unknown_node_is_an_error(ring):
    with pytest.raises(ValueError, match="^node 'cache-x' is not in the ring$"):
        ring.remove_node("cache-x")


@pytest.mark.parametrize("replicas", [0, -3], ids=["zero", "negative"])
def test_replicas_below_one_are_rejected(replicas):
    with pytest.raises(ValueError, match=f"^replicas must be at least 1, got {replicas}$"):
        HashRing(CACHES, replicas=replicas)


def test_twenty_thousand_lookups_on_ten_thousand_points_are_fast(time_limit):
    with time_limit(2):
        ring = HashRing([f"node-{n:03}" for n in range(100)], replicas=100)
        load = Counter(ring.get_node(f"object-{n}") for n in range(20_000))
    assert len(load) == 100, "every node should own some keys"
