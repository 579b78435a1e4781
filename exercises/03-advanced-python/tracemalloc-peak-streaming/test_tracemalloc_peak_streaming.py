import tracemalloc

import pytest

from tracemalloc_peak_streaming import column_total, measure_peak


@pytest.fixture
def tracing_off():
    """Make sure tracemalloc is off before and after the test."""
    if tracemalloc.is_tracing():
        tracemalloc.stop()
    yield
    if tracemalloc.is_tracing():
        tracemalloc.stop()


def allocate(n):
    data = bytearray(n)
    return len(data)


def test_measure_peak_returns_the_result_and_the_bytes_allocated(tracing_off):
    result, peak = measure_peak(allocate, 1_000_000)
    assert result == 1_000_000
    assert 1_000_000 <= peak < 1_100_000, f"peak {peak}: expected about 1 MB (the bytearray)"


def test_measure_peak_passes_keyword_arguments(tracing_off):
    assert measure_peak(allocate, n=10)[0] == 10


def test_memory_freed_before_returning_still_counts_in_the_peak(tracing_off):
    def spike():
        big = bytearray(2_000_000)
        del big
        return "done"

    result, peak = measure_peak(spike)
    assert result == "done"
    assert peak >= 2_000_000, "the PEAK counts what was allocated at the worst moment, even if freed since"


def test_memory_allocated_before_the_call_is_not_counted():
    tracemalloc.start()
    try:
        ballast = bytearray(3_000_000)
        earlier_spike = bytearray(4_000_000)
        del earlier_spike
        _, peak = measure_peak(allocate, 1000)
        assert len(ballast) == 3_000_000
    finally:
        tracemalloc.stop()

    assert peak < 100_000, (
        f"peak {peak}: subtract what was traced before the call and reset_peak() first - "
        "the 3 MB still held and the 4 MB spike before the call are not this call's"
    )


def test_tracing_is_stopped_again_when_it_was_off(tracing_off):
    measure_peak(allocate, 10)
    assert not tracemalloc.is_tracing(), "stop tracemalloc if you started it: it slows everything down"


def test_tracing_that_was_on_is_left_on():
    tracemalloc.start()
    try:
        measure_peak(allocate, 10)
        still_on = tracemalloc.is_tracing()
    finally:
        tracemalloc.stop()
    assert still_on, "someone else was tracing: tracemalloc.stop() would throw their data away"


def test_an_error_propagates_and_tracing_is_left_off(tracing_off):
    def fail():
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        measure_peak(fail)
    assert not tracemalloc.is_tracing(), "stop tracing in a finally: block"


@pytest.fixture
def sales_csv(tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text(
        'region,amount,note\n'
        'north,10.5,"big, early"\n'
        '\n'
        'south,-2,\n'
        'éast,0.25,"quote ""x"""\n',
        encoding="utf-8",
    )
    return path


def test_column_total_sums_a_column(sales_csv):
    assert column_total(sales_csv, "amount") == pytest.approx(8.75)


def test_a_header_only_file_sums_to_zero(tmp_path):
    path = tmp_path / "empty_rows.csv"
    path.write_text("amount\n", encoding="utf-8")
    assert column_total(path, "amount") == 0


@pytest.mark.parametrize("content", ["", "region,price\nnorth,1\n"], ids=["empty-file", "no-such-column"])
def test_a_missing_column_is_a_key_error(tmp_path, content):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KeyError, match="amount"):
        column_total(path, "amount")


def test_column_total_streams_a_big_file(tmp_path, tracing_off):
    path = tmp_path / "big.csv"
    row = "north,1.5,some note to make the row a little longer\n"
    rows = 2_000_000 // len(row)
    path.write_text("region,amount,note\n" + row * rows, encoding="utf-8")

    total, peak = measure_peak(column_total, path, "amount")

    assert total == pytest.approx(1.5 * rows)
    assert peak < 256_000, (
        f"column_total used {peak:,} bytes at its peak for a 2 MB file: it holds the file in memory. "
        "Give the open file to csv.reader and sum the rows as they come (no read(), no list of rows)"
    )
