from pathlib import Path

import pandas as pd
import pytest

from latency_eda_iqr_outliers import iqr_outliers, summarise

COLUMNS = ["count", "mean", "std", "min", "q1", "median", "q3", "max", "iqr"]


@pytest.fixture
def latency():
    return pd.read_csv(Path(__file__).parent / "latency.csv")


@pytest.fixture
def summary(latency):
    return summarise(latency, "endpoint", "ms")


def test_summarise_has_one_row_per_endpoint_sorted_by_name(summary):
    assert list(summary.index) == ["/checkout", "/health", "/search"]


def test_summarise_has_the_statistics_columns_in_order(summary):
    assert list(summary.columns) == COLUMNS


def test_summarise_computes_the_statistics_of_each_group(summary):
    health = summary.loc["/health"]

    assert health["mean"] == pytest.approx(80 / 9)
    assert health["std"] == pytest.approx(11.688076), "the SAMPLE standard deviation (ddof=1)"
    assert list(health[["min", "q1", "median", "q3", "max"]]) == [4, 5, 5, 6, 40]
    assert health["iqr"] == 1


def test_summarise_quartiles_use_linear_interpolation(summary):
    checkout = summary.loc["/checkout"]

    quartiles = list(checkout[["q1", "median", "q3"]])
    assert quartiles == pytest.approx([117.25, 121.0, 125.75])
    assert checkout["iqr"] == pytest.approx(8.5)


def test_summarise_counts_only_the_values_that_are_present(summary, latency):
    assert (latency["endpoint"] == "/search").sum() == 9
    assert summary.loc["/search", "count"] == 8, "one /search request timed out: its ms is blank"


def test_a_group_with_one_value_has_no_spread():
    df = pd.DataFrame({"endpoint": ["/login"], "ms": [42.0]})

    row = summarise(df, "endpoint", "ms").loc["/login"]

    assert row["count"] == 1
    assert pd.isna(row["std"]), "the sample std of one value is undefined (NaN)"
    assert row["iqr"] == 0


def test_iqr_outliers_uses_each_groups_own_fences(latency):
    outliers = iqr_outliers(latency, "endpoint", "ms")

    assert list(outliers["request_id"]) == ["r15", "r20", "r26"], (
        "compare each row with ITS OWN endpoint's quartiles: 10 ms is low for /checkout, "
        "900 ms high for /search and 40 ms high for /health"
    )


def test_iqr_outliers_keeps_the_original_rows_index_and_columns(latency):
    outliers = iqr_outliers(latency, "endpoint", "ms")

    assert list(outliers.columns) == ["request_id", "endpoint", "ms"]
    assert list(outliers.index) == [14, 19, 25], "keep df's index so df.drop(outliers.index) works"
    assert len(latency.drop(outliers.index)) == len(latency) - 3


def test_iqr_outliers_works_with_any_index_and_keeps_the_row_order(latency):
    newest_first = latency.set_index("request_id").iloc[::-1]

    outliers = iqr_outliers(newest_first, "endpoint", "ms")

    assert list(outliers.index) == ["r26", "r20", "r15"], (
        "keep df's own index and row order: line each row up with its group's quartiles "
        "by index (groupby(...).transform), not by position after sorting"
    )


@pytest.mark.parametrize(
    "k, expected",
    [
        (3.0, ["r15", "r20", "r26"]),
        (20.0, ["r20", "r26"]),
        (0.0, ["r04", "r06", "r09", "r11", "r12", "r15", "r16", "r17", "r20", "r21", "r26"]),
    ],
    ids=["k-3-tukeys-far-out", "k-20-only-the-extremes", "k-0-everything-outside-the-box"],
)
def test_iqr_outliers_fences_move_with_k(latency, k, expected):
    assert list(iqr_outliers(latency, "endpoint", "ms", k=k)["request_id"]) == expected


def test_a_missing_value_is_never_an_outlier(latency):
    outliers = iqr_outliers(latency, "endpoint", "ms", k=0.0)

    assert outliers["ms"].notna().all()


def test_iqr_outliers_of_an_empty_table_is_empty(latency):
    outliers = iqr_outliers(latency.iloc[0:0], "endpoint", "ms")

    assert outliers.empty
    assert list(outliers.columns) == ["request_id", "endpoint", "ms"]


def test_iqr_outliers_works_for_any_group_and_value_columns():
    df = pd.DataFrame(
        {"shop": ["Köln"] * 4 + ["Ulm"] * 4, "sales": [1, 2, 3, 50, -10, 10, 11, 12]}
    )

    outliers = iqr_outliers(df, "shop", "sales")

    assert list(outliers["sales"]) == [50, -10]


def test_a_negative_k_is_an_error(latency):
    with pytest.raises(ValueError, match="k must be"):
        iqr_outliers(latency, "endpoint", "ms", k=-1)


@pytest.mark.parametrize(
    "function",
    [summarise, iqr_outliers],
    ids=["summarise", "iqr_outliers"],
)
@pytest.mark.parametrize(
    "by, value, missing",
    [("route", "ms", "route"), ("endpoint", "latency", "latency"), ("route", "latency", "route")],
    ids=["unknown-group-column", "unknown-value-column", "both-unknown-names-by-first"],
)
def test_an_unknown_column_is_an_error_naming_it(latency, function, by, value, missing):
    with pytest.raises(ValueError, match=f"no column '{missing}'"):
        function(latency, by, value)


@pytest.mark.parametrize(
    "function",
    [summarise, iqr_outliers],
    ids=["summarise", "iqr_outliers"],
)
def test_the_callers_dataframe_is_left_unchanged(latency, function):
    before = latency.copy()

    function(latency, "endpoint", "ms")

    pd.testing.assert_frame_equal(
        latency, before, obj="the DataFrame passed in (add no q1/q3 helper columns to it)"
    )
