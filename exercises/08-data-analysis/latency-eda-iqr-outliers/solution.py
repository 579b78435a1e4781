"""Per-group summary statistics and IQR outliers with pandas (reference solution)."""

import pandas as pd

SUMMARY_COLUMNS = ["count", "mean", "std", "min", "q1", "median", "q3", "max", "iqr"]


def _check_columns(df: pd.DataFrame, *names: str) -> None:
    for name in names:
        if name not in df.columns:
            raise ValueError(f"no column {name!r} in {list(df.columns)}")


def summarise(df: pd.DataFrame, by: str, value: str) -> pd.DataFrame:
    _check_columns(df, by, value)
    stats = (
        df.groupby(by)[value]
        .describe()
        .rename(columns={"25%": "q1", "50%": "median", "75%": "q3"})
    )
    stats["iqr"] = stats["q3"] - stats["q1"]
    return stats[SUMMARY_COLUMNS]


def iqr_outliers(df: pd.DataFrame, by: str, value: str, k: float = 1.5) -> pd.DataFrame:
    _check_columns(df, by, value)
    if k < 0:
        raise ValueError(f"k must be zero or more, got {k}")
    groups = df.groupby(by)[value]
    q1 = groups.transform("quantile", 0.25)
    q3 = groups.transform("quantile", 0.75)
    spread = k * (q3 - q1)
    outside = (df[value] < q1 - spread) | (df[value] > q3 + spread)
    return df[outside]
