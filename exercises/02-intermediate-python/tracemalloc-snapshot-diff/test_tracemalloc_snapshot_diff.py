import importlib.util
import tracemalloc

import pytest

from tracemalloc_snapshot_diff import count_long_lines, growth_by_line, measure_peak

KEPT = []  # what the "leaky" functions below keep alive


def keep_100k():
    KEPT.append(bytearray(100_000))


def keep_three_sizes():
    KEPT.append(bytearray(300_000))
    KEPT.append(bytearray(200_000))
    KEPT.append(bytearray(100_000))


def keep_seven_sizes():
    KEPT.append(bytearray(700_000))
    KEPT.append(bytearray(600_000))
    KEPT.append(bytearray(500_000))
    KEPT.append(bytearray(400_000))
    KEPT.append(bytearray(300_000))
    KEPT.append(bytearray(200_000))
    KEPT.append(bytearray(100_000))


KEEP_100K_LINE = keep_100k.__code__.co_firstlineno + 1
THREE_SIZES_LINES = [keep_three_sizes.__code__.co_firstlineno + n for n in (1, 2, 3)]
SEVEN_SIZES_LINES = [keep_seven_sizes.__code__.co_firstlineno + n for n in range(1, 8)]


@pytest.fixture(autouse=True)
def clean_tracing():
    """Every test starts and ends with tracemalloc off and nothing kept."""
    if tracemalloc.is_tracing():
        tracemalloc.stop()
    KEPT.clear()
    yield
    KEPT.clear()
    if tracemalloc.is_tracing():
        tracemalloc.stop()


def peak_while(fn):
    """The test's own measurement: the peak bytes above the start while fn runs."""
    tracemalloc.start()
    try:
        start, _ = tracemalloc.get_traced_memory()
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak - start


# ---------------------------------------------------------------- count_long_lines


def write(tmp_path, text):
    path = tmp_path / "data.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("min_length", "expected"),
    [(0, 4), (1, 3), (4, 2), (5, 1), (6, 0)],
    ids=["zero-counts-every-line", "one", "four", "exactly-five", "longer-than-all"],
)
def test_count_long_lines_counts_lines_of_at_least_min_length(tmp_path, min_length, expected):
    path = write(tmp_path, "abcd\n\nhello\nxyz\n")

    assert count_long_lines(path, min_length) == expected, (
        "a line counts when it has AT LEAST min_length characters, its '\\n' not included"
    )


def test_count_long_lines_does_not_count_windows_line_endings(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(b"abcd\r\nabcde\r\n")

    assert count_long_lines(str(path), 5) == 1, "'abcd\\r\\n' is a line of 4 characters"


def test_count_long_lines_counts_characters_not_bytes(tmp_path):
    path = write(tmp_path, "héllo\nnaïve\n日本語\n")

    assert count_long_lines(path, 5) == 2, "'héllo' is 5 characters (6 bytes in UTF-8)"
    assert count_long_lines(path, 3) == 3


def test_count_long_lines_counts_a_last_line_without_newline(tmp_path):
    path = write(tmp_path, "first line\nlast line")

    assert count_long_lines(path, 9) == 2


def test_count_long_lines_of_an_empty_file_is_zero(tmp_path):
    assert count_long_lines(write(tmp_path, ""), 1) == 0


def test_count_long_lines_streams_the_file_instead_of_holding_it(tmp_path):
    path = write(tmp_path, "x" * 50 + "\n" * 1 + ("y" * 50 + "\n") * 39_999)  # 2 MB, 40 000 lines

    count, peak = peak_while(lambda: count_long_lines(path, 10))

    assert count == 40_000
    assert peak < 150_000, (
        f"counting 40 000 lines used {peak:,} bytes at its peak: something held every line (or a "
        "value per line) at once. Iterate over the file object and count with a generator, "
        "`sum(1 for line in f if ...)`, not a list"
    )


# ---------------------------------------------------------------- measure_peak


def test_measure_peak_returns_the_result_and_the_peak_of_the_call():
    result, peak = measure_peak(lambda: len(bytes(2_000_000)))

    assert result == 2_000_000
    assert 2_000_000 <= peak < 2_100_000, (
        f"peak was {peak:,}: the 2 MB bytes object was freed before the call ended, so only the "
        "PEAK (get_traced_memory()[1]) shows it, not the memory in use afterwards"
    )


def test_measure_peak_passes_the_arguments_on():
    result, peak = measure_peak(bytearray, 500_000)

    assert len(result) == 500_000
    assert 500_000 <= peak < 600_000


def test_measure_peak_counts_only_what_the_call_adds():
    tracemalloc.start()
    held = bytearray(3_000_000)  # in use before the call

    _, peak = measure_peak(lambda: bytearray(1000))

    assert peak < 100_000, (
        f"peak was {peak:,}: the 3 MB in use BEFORE the call was counted; subtract the memory "
        "in use at the start"
    )
    del held


def test_measure_peak_forgets_an_earlier_peak():
    tracemalloc.start()
    bytearray(5_000_000)  # an earlier high point, already freed

    _, peak = measure_peak(lambda: bytearray(1000))

    assert peak < 100_000, (
        f"peak was {peak:,}: an earlier peak of 5 MB leaked into the measurement; call "
        "tracemalloc.reset_peak() before the call"
    )


def test_measure_peak_stops_tracing_it_started():
    measure_peak(lambda: None)

    assert not tracemalloc.is_tracing(), (
        "tracing slows every allocation down: stop it again when measure_peak started it"
    )


def test_measure_peak_leaves_on_tracing_that_someone_else_started():
    tracemalloc.start()

    measure_peak(lambda: None)

    assert tracemalloc.is_tracing(), "the caller was tracing before: do not stop their tracing"


def test_measure_peak_stops_tracing_and_lets_an_error_through():
    def broken():
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        measure_peak(broken)
    assert not tracemalloc.is_tracing(), "stop tracing in a `finally:` so an error cannot skip it"


# ---------------------------------------------------------------- growth_by_line


def test_growth_by_line_finds_the_line_that_keeps_memory():
    grown = growth_by_line(keep_100k, __file__)

    assert grown, "no line of this file grew, but keep_100k keeps a 100 kB bytearray"
    line, size = grown[0]
    assert line == KEEP_100K_LINE, f"the leak is on line {KEEP_100K_LINE}, not {line}"
    assert 100_000 <= size < 101_000


def test_growth_by_line_counts_only_what_the_call_added():
    tracemalloc.start()
    for _ in range(3):
        keep_100k()  # kept BEFORE the measurement, while already tracing

    line, size = growth_by_line(keep_100k, __file__)[0]

    assert line == KEEP_100K_LINE
    assert size < 101_000, (
        f"line {line} grew by {size:,} bytes, but this call kept only 100 kB: compare a snapshot "
        "taken after with one taken BEFORE (compare_to), not the after-snapshot alone"
    )


def test_growth_by_line_lists_the_largest_growth_first():
    grown = growth_by_line(keep_three_sizes, __file__)

    assert [line for line, _ in grown[:3]] == THREE_SIZES_LINES, (
        "the 300 kB line comes first, then 200 kB, then 100 kB"
    )


@pytest.mark.parametrize("limit", [1, 2], ids=["one", "two"])
def test_growth_by_line_returns_at_most_limit_lines(limit):
    grown = growth_by_line(keep_three_sizes, __file__, limit=limit)

    assert [line for line, _ in grown] == THREE_SIZES_LINES[:limit]


def test_growth_by_line_returns_five_lines_by_default():
    grown = growth_by_line(keep_seven_sizes, __file__)

    assert [line for line, _ in grown] == SEVEN_SIZES_LINES[:5], (
        "seven lines grew: by default only the five largest are listed"
    )


def test_growth_by_line_leaves_out_lines_that_shrank():
    tracemalloc.start()
    keep_100k()
    keep_100k()

    grown = growth_by_line(KEPT.clear, __file__)

    assert KEEP_100K_LINE not in [line for line, _ in grown], (
        "the line of keep_100k SHRANK by 200 kB during the call: keep only lines whose "
        "size_diff > 0"
    )
    assert all(size > 0 for _, size in grown)


def test_growth_by_line_leaves_out_lines_that_did_not_change():
    tracemalloc.start()
    keep_100k()

    grown = growth_by_line(keep_three_sizes, __file__)

    assert KEEP_100K_LINE not in [line for line, _ in grown], (
        "the line of keep_100k holds the same 100 kB before and after: its size_diff is 0, "
        "it did not grow"
    )


def keep_bytes(size):
    KEPT.append(bytearray(size))


def test_growth_by_line_reports_even_one_byte_of_growth():
    tracemalloc.start()
    keep_bytes(1000)

    def one_byte_bigger():
        KEPT.pop()
        keep_bytes(1001)

    assert growth_by_line(one_byte_bigger, __file__) == [
        (keep_bytes.__code__.co_firstlineno + 1, 1)
    ], "a line that holds one byte more after the call than before has grown"


def test_growth_by_line_looks_only_at_the_given_file(tmp_path):
    helper_path = tmp_path / "tracemalloc_diff_helper.py"
    helper_path.write_text("KEPT = []\ndef keep_1m():\n    KEPT.append(bytearray(1_000_000))\n")
    spec = importlib.util.spec_from_file_location("tracemalloc_diff_helper", helper_path)
    helper = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(helper)

    def both():
        helper.keep_1m()  # 1 MB kept in ANOTHER file
        keep_100k()

    grown = growth_by_line(both, __file__)

    assert grown[0][0] == KEEP_100K_LINE, (
        "the 1 MB kept by another file came out: filter both snapshots with "
        "tracemalloc.Filter(True, path)"
    )
    assert growth_by_line(both, str(helper_path))[0][0] == 3


def test_growth_by_line_stops_tracing_it_started_and_keeps_someone_elses():
    growth_by_line(keep_100k, __file__)
    assert not tracemalloc.is_tracing(), "growth_by_line started tracing: it must stop it"

    tracemalloc.start()
    growth_by_line(keep_100k, __file__)
    assert tracemalloc.is_tracing(), "the caller was tracing before: do not stop their tracing"


def test_growth_by_line_stops_tracing_when_the_call_fails():
    def broken():
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        growth_by_line(broken, __file__)
    assert not tracemalloc.is_tracing()
