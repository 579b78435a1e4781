"""Reshape store sales between wide and long form with melt, pivot_table and pivot (reference)."""

import pandas as pd

ID_COLUMNS = ["store", "region"]


def to_long(wide: pd.DataFrame) -> pd.DataFrame:
    long = wide.melt(id_vars=ID_COLUMNS, var_name="month", value_name="units")
    long = long.dropna(subset=["units"]).astype({"units": "int64"})
    return long.sort_values(["store", "month"]).reset_index(drop=True)


def region_by_month(long: pd.DataFrame) -> pd.DataFrame:
    return long.pivot_table(
        index="region",
        columns="month",
        values="units",
        aggfunc="sum",
        fill_value=0,
        margins=True,
        margins_name="Total",
    )


def store_sheet(long: pd.DataFrame) -> pd.DataFrame:
    repeated = long[long.duplicated(["store", "month"])]
    if not repeated.empty:
        first = repeated.iloc[0]
        raise ValueError(f"duplicate rows for store {first['store']!r} in month {first['month']!r}")
    return long.pivot(index="store", columns="month", values="units")
