import numpy as np
import pandas as pd
import pytest

from store_sales_melt_pivot import region_by_month, store_sheet, to_long

NAN = np.nan
MONTHS = ["2024-01", "2024-02", "2024-03"]
LONG_ROWS = [
    ("S1", "North", "2024-01", 10),
    ("S1", "North", "2024-02", 12),
    ("S2", "North", "2024-01", 5),
    ("S2", "North", "2024-03", 7),
    ("S3", "South", "2024-01", 8),
    ("S3", "South", "2024-02", 9),
    ("S3", "South", "2024-03", 4),
    ("S4", "South", "2024-01", 3),
    ("S4", "South", "2024-02", 0),
    ("S4", "South", "2024-03", 2),
    ("S5", "East", "2024-03", 6),
]


@pytest.fixture
def wide():
    # Stores and months deliberately out of order; S4 really sold 0 in February.
    return pd.DataFrame(
        {
            "store": ["S3", "S1", "S2", "S4", "S5"],
            "region": ["South", "North", "North", "South", "East"],
            "2024-02": [9, 12, NAN, 0, NAN],
            "2024-01": [8, 10, 5, 3, NAN],
            "2024-03": [4, NAN, 7, 2, 6],
        }
    )


@pytest.fixture
def long(wide):
    return pd.DataFrame(LONG_ROWS, columns=["store", "region", "month", "units"])


def rows(df):
    return [tuple(row) for row in df.itertuples(index=False)]


def test_to_long_has_one_row_per_store_and_month_sorted(wide):
    long = to_long(wide)

    assert list(long.columns) == ["store", "region", "month", "units"]
    assert rows(long) == LONG_ROWS, "one row per store and month, sorted by store, then month"


def test_to_long_drops_blanks_but_keeps_a_real_zero(wide):
    long = to_long(wide)

    s1 = long[long["store"] == "S1"]
    assert "2024-03" not in list(s1["month"]), (
        "S1 has no March figure: a blank is 'no data', drop it (fillna(0) would invent a sale of 0)"
    )
    s4_february = long[(long["store"] == "S4") & (long["month"] == "2024-02")]
    assert list(s4_february["units"]) == [0], "S4 really sold 0 in February: keep that row"


def test_to_long_gives_whole_units_and_a_fresh_index(wide):
    long = to_long(wide)

    assert long["units"].dtype == np.int64, "units are counts: astype int64 after dropping blanks"
    assert list(long.index) == list(range(len(LONG_ROWS))), "reset_index(drop=True) after sorting"


def test_to_long_treats_every_other_column_as_a_month():
    wide = pd.DataFrame({"region": ["Ost"], "store": ["Köln"], "Q2": [4.0], "Q1": [1.0]})

    assert rows(to_long(wide)) == [("Köln", "Ost", "Q1", 1), ("Köln", "Ost", "Q2", 4)]


def test_region_by_month_sums_the_stores_of_a_region(long):
    table = region_by_month(long)

    assert table.loc["North", "2024-01"] == 15, (
        "North had 10 + 5 units in January: aggfunc='sum' (pivot_table averages by default)"
    )
    assert table.loc["South", "2024-01"] == 11


def test_region_by_month_has_sorted_rows_and_columns_with_totals(long):
    table = region_by_month(long)

    assert list(table.index) == ["East", "North", "South", "Total"]
    assert list(table.columns) == MONTHS + ["Total"]
    assert table.values.tolist() == [
        [0, 0, 6, 6],
        [15, 12, 7, 34],
        [11, 9, 6, 26],
        [26, 21, 19, 66],
    ], "sums per region and month, a Total row and column: margins=True, margins_name='Total'"


def test_region_by_month_shows_zero_not_nan_where_a_region_sold_nothing(long):
    table = region_by_month(long)

    assert not table.isna().any().any(), "East sold nothing in January: fill_value=0"
    assert all(dtype == np.int64 for dtype in table.dtypes), "whole units, no floats from NaN"


def test_store_sheet_undoes_to_long(wide):
    sheet = store_sheet(to_long(wide))

    expected = wide.set_index("store")[MONTHS].sort_index().astype(float)
    assert list(sheet.index) == ["S1", "S2", "S3", "S4", "S5"]
    assert list(sheet.columns) == MONTHS
    pd.testing.assert_frame_equal(
        sheet.astype(float),
        expected,
        check_names=False,
        check_index_type=False,
        check_column_type=False,
        obj="the sheet rebuilt from the long table (NaN where a store has no row, not 0)",
    )


@pytest.mark.parametrize(
    "duplicate, named",
    [
        (("S2", "North", "2024-03", 1), "store 'S2' in month '2024-03'"),
        (("S1", "North", "2024-01", 10), "store 'S1' in month '2024-01'"),
    ],
    ids=["different-figure", "same-figure-twice"],
)
def test_store_sheet_refuses_two_rows_for_one_store_and_month(long, duplicate, named):
    doubled = pd.concat([long, pd.DataFrame([duplicate], columns=long.columns)])

    with pytest.raises(ValueError, match=f"duplicate rows for {named}"):
        store_sheet(doubled)


@pytest.mark.parametrize(
    "function, fixture",
    [(to_long, "wide"), (region_by_month, "long"), (store_sheet, "long")],
    ids=["to_long", "region_by_month", "store_sheet"],
)
def test_the_callers_dataframe_is_left_unchanged(function, fixture, request):
    df = request.getfixturevalue(fixture)
    before = df.copy()

    function(df)

    pd.testing.assert_frame_equal(df, before, obj="the DataFrame passed in")
