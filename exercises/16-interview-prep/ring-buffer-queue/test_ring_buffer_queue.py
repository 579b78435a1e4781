import ast
import gc
import signal
import weakref
from contextlib import contextmanager
from pathlib import Path

import pytest

import ring_buffer_queue
from ring_buffer_queue import RingBuffer


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
def abc():
    buf = RingBuffer(3)
    for item in "abc":
        assert buf.append(item) is None, "append returns None while there is room"
    return buf


def test_items_come_out_in_the_order_they_went_in(abc):
    assert len(abc) == 3
    assert list(abc) == ["a", "b", "c"]
    assert [abc.popleft() for _ in range(3)] == ["a", "b", "c"]
    assert len(abc) == 0
    assert list(abc) == []


def test_appending_to_a_full_buffer_overwrites_and_returns_the_oldest(abc):
    assert abc.append("d") == "a"
    assert abc.append("e") == "b"
    assert list(abc) == ["c", "d", "e"]
    assert len(abc) == 3, "a full buffer stays at its capacity"
    assert abc.capacity == 3


def test_head_wraps_around_when_popping_and_appending(abc):
    abc.popleft()
    abc.popleft()
    abc.append("d")
    abc.append("e")
    assert list(abc) == ["c", "d", "e"]
    assert abc.append("f") == "c"
    assert [abc.popleft() for _ in range(3)] == ["d", "e", "f"]


@pytest.mark.parametrize(
    "index, expected",
    [(0, "b"), (1, "c"), (2, "d"), (-1, "d"), (-3, "b")],
    ids=["oldest", "middle", "newest", "minus-one-is-newest", "minus-len-is-oldest"],
)
def test_indexing_counts_from_the_oldest_item(abc, index, expected):
    abc.append("d")  # now b, c, d with the head in the middle of the list
    assert abc[index] == expected


@pytest.mark.parametrize("index", [3, -4, 10], ids=["len", "minus-len-minus-one", "far-out"])
def test_index_out_of_range_raises_index_error(abc, index):
    with pytest.raises(IndexError, match="^RingBuffer index out of range$"):
        abc[index]


def test_index_past_the_items_of_a_partly_filled_buffer_raises():
    buf = RingBuffer(5)
    buf.append(1)
    with pytest.raises(IndexError, match="out of range"):
        buf[1]


def test_the_capacity_is_fixed_from_the_start():
    buf = RingBuffer(3)
    assert (buf.capacity, len(buf)) == (3, 0), "all the slots are allocated in __init__; len counts items"
    buf.append("a")
    buf.popleft()
    assert buf.capacity == 3, "popping frees a slot; it must not shrink the list"
    assert [buf.append(item) for item in "xyz"] == [None, None, None], "three items fit after a pop"
    assert buf.capacity == 3


def test_the_ring_is_built_by_hand_without_deque():
    tree = ast.parse(Path(ring_buffer_queue.__file__).read_text(encoding="utf-8"))
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    names |= {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    names |= {node.name.rpartition(".")[2] for node in ast.walk(tree) if isinstance(node, ast.alias)}
    assert "deque" not in names, (
        "collections.deque(maxlen=...) is what to use at work, but this exercise is about building "
        "the ring yourself: a fixed list of slots and a head index that wraps around"
    )


def test_capacity_one_keeps_only_the_newest():
    buf = RingBuffer(1)
    assert buf.append("🙂") is None
    assert buf.append("🙃") == "🙂"
    assert list(buf) == ["🙃"]


def test_popping_an_empty_buffer_raises_index_error(abc):
    for _ in range(3):
        abc.popleft()
    with pytest.raises(IndexError, match="^pop from an empty RingBuffer$"):
        abc.popleft()


@pytest.mark.parametrize("capacity", [0, -2], ids=["zero", "negative"])
def test_capacity_below_one_is_rejected(capacity):
    with pytest.raises(ValueError, match=f"^capacity must be at least 1, got {capacity}$"):
        RingBuffer(capacity)


def test_popped_items_are_not_kept_alive_by_the_buffer():
    class Payload:
        pass

    buf = RingBuffer(2)
    buf.append(Payload())
    ref = weakref.ref(buf[0])
    buf.popleft()
    gc.collect()
    assert ref() is None, "popleft must put None in the freed slot so the item can be freed"


def test_a_hundred_thousand_appends_keep_the_last_thousand(time_limit):
    buf = RingBuffer(1_000)
    with time_limit(2):
        evicted = [buf.append(n) for n in range(100_000)]
        assert list(buf) == list(range(99_000, 100_000))
    assert evicted[:1_000] == [None] * 1_000
    assert evicted[1_000:] == list(range(99_000))
    assert buf.capacity == 1_000, "the slot list is allocated once and never grows"
