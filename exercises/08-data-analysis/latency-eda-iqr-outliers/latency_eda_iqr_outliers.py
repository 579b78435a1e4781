"""Explore API response times per endpoint: summary statistics and IQR outliers, per group.

latency.csv (next to this file) holds one row per request: request_id, endpoint, ms (blank when
the request timed out). A fast endpoint and a slow one have very different "normal" times, so
both functions work PER GROUP.

1. `summarise(df, by, value)`: one row per group (sorted by group name) with the columns
       count mean std min q1 median q3 max iqr
   count counts the values that are present; std is the sample standard deviation; q1, median
   and q3 are the 25 %, 50 % and 75 % quantiles (pandas' default, linear interpolation);
   iqr = q3 - q1.

2. `iqr_outliers(df, by, value, k=1.5)`: the rows of `df` whose value lies outside its OWN
   group's fences  [q1 - k * iqr, q3 + k * iqr]  (Tukey's rule), with their original index and
   columns, in their original order, so that `df.drop(outliers.index)` removes them.
   Missing values are never outliers. k < 0 -> ValueError("k must be ...").

Both raise a ValueError naming the missing column, f"no column {name!r} in {list(df.columns)}"
(e.g. "no column 'route' in ['request_id', 'endpoint', 'ms']"), when `by` or `value` is not a
column of df (`by` is checked first). Neither function changes the DataFrame it is given (no
helper columns added to it).

Example (latency.csv, k=1.5): /health answers in 4-6 ms, so 40 ms is an outlier there, although
a single fence for all endpoints (q1=6, q3=190) would only flag the 900 ms /search request:
    iqr_outliers(df, "endpoint", "ms")  -> the rows r15 (/checkout, 10 ms), r20 (/search, 900 ms)
                                           and r26 (/health, 40 ms)
"""

import pandas as pd


def summarise(df: pd.DataFrame, by: str, value: str) -> pd.DataFrame:
    # TODO: raise ValueError for a missing column.
    # TODO: group by `by`, describe `value`, rename 25%/50%/75%, add iqr, order the columns.
    raise NotImplementedError


def iqr_outliers(df: pd.DataFrame, by: str, value: str, k: float = 1.5) -> pd.DataFrame:
    # TODO: raise ValueError for a missing column or a negative k.
    # TODO: each row's group q1 and q3, lined up with df's rows (groupby(...).transform).
    # TODO: keep the rows below q1 - k*iqr or above q3 + k*iqr.
    raise NotImplementedError
