import os
from pathlib import Path

import pytest

from contextmanager_timer_chdir import Timer, working_directory


class FakeClock:
    """Returns the given times one after the other, and counts the reads."""

    def __init__(self, *times):
        self.times = list(times)
        self.reads = 0

    def __call__(self):
        self.reads += 1
        return self.times.pop(0)


# ---------------------------------------------------------------- Timer


def test_timer_measures_the_block_and_returns_itself():
    clock = FakeClock(10.0, 12.5)
    timer = Timer(clock)

    with timer as entered:
        assert timer.elapsed is None, "elapsed is None until the block has ended"

    assert entered is timer, "__enter__ returns the Timer itself (for `with Timer() as t:`)"
    assert timer.elapsed == 2.5
    assert clock.reads == 2, "read the clock once on entering and once on leaving"


def test_timer_measures_a_block_that_raises_and_lets_the_error_through():
    timer = Timer(FakeClock(1.0, 4.0))

    with pytest.raises(KeyError, match="missing"):
        with timer:
            raise KeyError("missing")

    assert timer.elapsed == 3.0, "__exit__ runs when the block raises: set elapsed there too"


def test_a_timer_can_be_used_again():
    timer = Timer(FakeClock(0.0, 1.0, 5.0, 5.25))

    with timer:
        pass
    first = timer.elapsed
    with timer:
        pass

    assert (first, timer.elapsed) == (1.0, 0.25), "each block is measured from its own start"


def test_timer_uses_perf_counter_by_default():
    with Timer() as timer:
        sum(range(1000))

    assert isinstance(timer.elapsed, float) and 0 <= timer.elapsed < 1


# ---------------------------------------------------------------- working_directory


@pytest.fixture
def start(tmp_path, monkeypatch):
    """Start every test in a fresh folder (monkeypatch puts the real one back after)."""
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_working_directory_changes_in_and_back(start):
    with working_directory("build") as here:
        inside = Path.cwd()

    assert inside == start / "build"
    assert here == start / "build" and here.is_absolute(), "it yields the absolute new directory"
    assert Path.cwd() == start


def test_working_directory_changes_back_when_the_block_raises(start):
    with pytest.raises(RuntimeError, match="build failed"):
        with working_directory("build"):
            raise RuntimeError("build failed")

    assert Path.cwd() == start, (
        "an exception in the block is raised AT the yield: change back in a `finally:`"
    )


def test_nested_blocks_each_go_back_to_their_own_previous_directory(start):
    with working_directory("build"):
        with working_directory("out"):
            assert Path.cwd() == start / "build" / "out"
        assert Path.cwd() == start / "build", "the inner block goes back to build/, not further"
    assert Path.cwd() == start


def test_working_directory_accepts_a_path_object(start):
    with working_directory(start / "build" / "out") as here:
        assert Path(os.getcwd()) == here


def test_a_missing_directory_raises_and_stays_put(start):
    with pytest.raises(FileNotFoundError):
        with working_directory("nowhere"):
            pass

    assert Path.cwd() == start
