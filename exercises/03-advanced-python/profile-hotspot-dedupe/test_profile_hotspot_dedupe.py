import pstats
import sys

import pytest

from profile_hotspot_dedupe import call_counts, dedupe, hottest_function, profile_call


# --- a small workload with one clearly expensive function -----------------------------------

def parse_rows(text):
    rows = []
    for line in text.splitlines():
        rows.append(line.split(","))
    return rows


def checksum(n):
    total = 0
    for i in range(n):
        total = (total * 31 + i) % 1_000_003
    return total


def report(text):
    rows = parse_rows(text)
    cells = 0
    for row in rows:
        for _cell in row:
            cells += 1
    return cells, checksum(200_000)


ORDERS = "tea,2,3.50\n" * 5_000


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def greet(name, *, punctuation):
    return "Hello, " + name.title() + punctuation


# --- profile_call ----------------------------------------------------------------------------

def test_profile_call_returns_a_function_profile_per_python_function():
    profiles = profile_call(report, "a,b\nc,d")

    assert set(profiles) == {"report", "parse_rows", "checksum"}, (
        "built-ins such as len or str.split (file_name '~') should be left out, and so should the "
        "profiler's own __exit__, which a `with` block records: use runcall"
    )
    assert all(isinstance(p, pstats.FunctionProfile) for p in profiles.values())


def test_every_function_passes_keyword_arguments_on():
    assert set(profile_call(greet, "ada", punctuation="?")) == {"greet"}
    assert hottest_function(greet, "ada", punctuation="?") == "greet"
    assert call_counts(greet, "ada", punctuation="?") == {"greet": 1}


def fail_halfway(n):
    checksum(n)
    raise KeyError("no such row")


def profiler_is_running():
    """True while a profiler is switched on (Python 3.12+ runs cProfile through sys.monitoring)."""
    monitoring = getattr(sys, "monitoring", None)
    in_monitoring = monitoring is not None and monitoring.get_tool(monitoring.PROFILER_ID) is not None
    return sys.getprofile() is not None or in_monitoring


def test_profile_call_lets_an_error_through_and_switches_the_profiler_off():
    with pytest.raises(KeyError, match="no such row"):
        profile_call(fail_halfway, 10)

    still_running = profiler_is_running()
    if still_running and sys.getprofile() is not None:
        sys.getprofile().disable()  # tidy up after the bug, for the tests that follow
    assert not still_running, (
        "the function raised and the profiler was left running, slowing down everything after it: "
        "switch it off in a `finally:` - Profile.runcall does exactly that"
    )


# --- hottest_function ------------------------------------------------------------------------

def test_the_hottest_function_is_the_one_with_the_most_time_in_its_own_body():
    hottest = hottest_function(report, ORDERS)

    assert hottest == "checksum", (
        f"got {hottest!r}: report() has the largest cumtime because it calls checksum(), "
        "but its own body (tottime) is nearly free"
    )


def test_a_single_function_workload_is_its_own_hottest_function():
    assert hottest_function(checksum, 50_000) == "checksum"


# --- call_counts -----------------------------------------------------------------------------

def test_call_counts_counts_every_call_of_every_python_function():
    assert call_counts(report, "a,b\nc,d") == {"report": 1, "parse_rows": 1, "checksum": 1}


@pytest.mark.parametrize(
    ("n", "calls"), [(0, 1), (1, 1), (5, 15), (10, 177)], ids=["fib-0", "fib-1", "fib-5", "fib-10"]
)
def test_recursive_calls_are_all_counted(n, calls):
    assert call_counts(fib, n) == {"fib": calls}, "for recursion ncalls looks like '15/1': total/primitive"


# --- dedupe ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([3, 1, 3, 2, 1], [3, 1, 2]),
        ([], []),
        (["only"], ["only"]),
        ("mississippi", ["m", "i", "s", "p"]),
        (["é", "e", "é", "ß"], ["é", "e", "ß"]),
        ([-1, 1, -1, 0], [-1, 1, 0]),
    ],
    ids=["ints", "empty", "one-item", "characters-of-a-string", "unicode", "negative"],
)
def test_dedupe_keeps_the_first_of_each_item_in_order(items, expected):
    assert dedupe(items) == expected


class Probe:
    """A value that counts how often it is compared with ==."""

    comparisons = 0

    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        Probe.comparisons += 1
        return isinstance(other, Probe) and self.value == other.value

    def __hash__(self):
        return hash(self.value)


@pytest.fixture
def probes(monkeypatch):
    monkeypatch.setattr(Probe, "comparisons", 0)
    return [Probe(i) for i in range(1_000)]


def test_dedupe_does_not_compare_every_item_with_every_other(probes):
    result = dedupe(probes)

    assert len(result) == len(probes)
    assert Probe.comparisons <= len(probes), (
        f"dedupe compared items {Probe.comparisons} times for {len(probes)} distinct items: "
        "that is O(n^2). A set or dict finds an item by its hash, with (almost) no comparisons"
    )


def test_dedupe_reads_a_one_pass_iterator_only_once():
    lines = (line for line in ["b", "a", "b", "c", "a"])  # a generator can be read only once

    assert dedupe(lines) == ["b", "a", "c"], "a second pass over a generator finds it empty: read the items once"


def test_equal_items_are_duplicates_even_when_they_are_different_objects():
    first, second = Probe(7), Probe(7)
    assert first is not second

    result = dedupe([first, second, Probe(8)])

    assert [probe.value for probe in result] == [7, 8], "equal items (==, same hash) count once, like `not in` did"
    assert result[0] is first, "keep the FIRST of equal items"


def test_dedupe_needs_hashable_items():
    with pytest.raises(TypeError, match="unhashable"):
        dedupe([[1], [1]])
