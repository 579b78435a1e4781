"""Churn by tenure band: binning with pd.cut, a group-by that keeps empty bands, a crosstab."""

import numpy as np
import pandas as pd

BANDS = ["0-5", "6-11", "12-23", "24+"]


def tenure_band(months: pd.Series) -> pd.Series:
    if (months < 0).any():
        raise ValueError(f"negative tenure: {months[months < 0].iloc[0]}")
    return pd.cut(months, bins=[0, 6, 12, 24, np.inf], right=False, labels=BANDS)


def churn_by_band(df: pd.DataFrame) -> pd.DataFrame:
    known = df.dropna(subset=["tenure_months"])
    bands = tenure_band(known["tenure_months"])
    table = known.groupby(bands, observed=False)["churned"].agg(customers="size", churned="sum")
    table = table.astype("int64").rename_axis("band")
    table["rate"] = table["churned"] / table["customers"]
    return table


def plan_mix(df: pd.DataFrame) -> pd.DataFrame:
    bands = tenure_band(df["tenure_months"]).rename("band")
    return pd.crosstab(bands, df["plan"], normalize="index")
