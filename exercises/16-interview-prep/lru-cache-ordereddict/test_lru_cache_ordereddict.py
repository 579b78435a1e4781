import signal
from contextlib import contextmanager

import pytest

from lru_cache_ordereddict import LRUCache


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


@pytest.fixture
def cache():
    """A full cache of capacity 3: "a" is the least, "c" the most recently used."""
    cache = LRUCache(3)
    for key, value in [("a", 1), ("b", 2), ("c", 3)]:
        assert cache.put(key, value) is None, "put returns None while there is room"
    return cache


def test_get_returns_stored_values_and_a_default_for_missing_keys(cache):
    assert cache.get("b") == 2
    assert cache.get("zzz") is None
    assert cache.get("zzz", "n/a") == "n/a"
    assert len(cache) == 3


def test_a_new_key_in_a_full_cache_evicts_the_least_recently_used(cache):
    assert cache.put("d", 4) == ("a", 1)
    assert "a" not in cache
    assert cache.keys() == ["b", "c", "d"]
    assert len(cache) == 3


def test_get_makes_a_key_the_most_recently_used(cache):
    cache.get("a")
    assert cache.keys() == ["b", "c", "a"]
    assert cache.put("d", 4) == ("b", 2), "'a' was just read, so 'b' is now the oldest"


def test_updating_a_key_refreshes_it_without_evicting(cache):
    assert cache.put("a", 100) is None, "updating an existing key must not evict anything"
    assert cache.keys() == ["b", "c", "a"]
    assert cache.get("a") == 100
    assert len(cache) == 3


def test_in_and_len_do_not_count_as_a_use(cache):
    assert "a" in cache
    assert len(cache) == 3
    assert cache.keys() == ["a", "b", "c"], "`in` must not move a key"
    assert cache.put("d", 4) == ("a", 1)


def test_a_missing_key_lookup_does_not_change_anything(cache):
    cache.get("nope")
    assert cache.keys() == ["a", "b", "c"]


def test_capacity_one_keeps_only_the_last_key():
    cache = LRUCache(1)
    cache.put(("tuple", "key"), "x")
    assert cache.put(42, "ünïcode") == (("tuple", "key"), "x")
    assert cache.keys() == [42]


def test_stored_none_and_falsy_values_are_real_entries():
    cache = LRUCache(2)
    cache.put("zero", 0)
    cache.put("none", None)
    assert cache.get("zero", "missing") == 0
    assert cache.get("none", "missing") is None


@pytest.mark.parametrize("capacity", [0, -1], ids=["zero", "negative"])
def test_capacity_below_one_is_rejected(capacity):
    with pytest.raises(ValueError, match=f"^capacity must be at least 1, got {capacity}$"):
        LRUCache(capacity)


def test_two_caches_do_not_share_entries():
    first, second = LRUCache(2), LRUCache(2)
    first.put("a", 1)
    assert "a" not in second and len(second) == 0, (
        "each cache needs its own OrderedDict, made in __init__ (not one shared class attribute)"
    )


def test_operations_never_compare_the_key_with_other_keys():
    comparisons = 0
    budget = 1_000

    class Key:
        """A key that counts how often it is compared with ==, as a scan of a list of keys does."""

        def __init__(self, n):
            self.n = n

        def __hash__(self):
            return hash(self.n)

        def __eq__(self, other):
            nonlocal comparisons
            comparisons += 1
            if comparisons > budget:
                pytest.fail(
                    f"more than {budget} key comparisons for 6 000 operations: something scans the keys "
                    "(list.remove, list.index, `in` on a list or deque). A dict finds a key by its hash, "
                    "and OrderedDict.move_to_end / popitem(last=False) reorder in O(1)"
                )
            return isinstance(other, Key) and self.n == other.n

    keys = [Key(n) for n in range(3_000)]
    cache = LRUCache(1_000)
    for key in keys:
        cache.put(key, key.n)
        assert cache.get(keys[0]) == 0, "keys[0] is read after every put, so it is never evicted"
    assert len(cache) == 1_000
    assert cache.keys()[-1] is keys[0]


def test_a_hundred_thousand_operations_on_a_big_cache_are_fast(time_limit):
    cache = LRUCache(10_000)
    with time_limit(2):
        for n in range(50_000):
            cache.put(n, n * n)
            cache.get(0)  # keep key 0 hot: it must never be evicted
        keys = cache.keys()
    assert keys[-1] == 0, "key 0 was read after every put, so it is the most recent"
    assert keys[:-1] == list(range(40_001, 50_000))
    assert cache.get(49_999) == 49_999**2
