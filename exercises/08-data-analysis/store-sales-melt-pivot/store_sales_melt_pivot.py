"""Reshape store sales: wide sheet -> long table (melt) -> summary (pivot_table) -> sheet (pivot).

Finance keeps one row per store and one column per month (WIDE form, handy to read):

    store  region  2024-01  2024-02  2024-03
    S1     North       10       12      NaN      <- S1 closed for refit in March
    S2     North        5      NaN        7
    S3     South        8        9        4

Most of pandas (group-by, plotting, seaborn) wants LONG form: one row per observation.

1. `to_long(wide)`: columns store, region, month, units; one row per store and month that HAS
   a value (a blank means "no data", it is dropped, NOT turned into 0); units as int64; rows
   sorted by store, then month; index 0, 1, 2, ...  Any other column is a month.
       to_long(wide) -> S1 North 2024-01 10 / S1 North 2024-02 12 / S2 North 2024-01 5 / ...

2. `region_by_month(long)`: units SUMMED per region (rows, sorted) and month (columns, sorted),
   0 where a region sold nothing that month, with a "Total" row and a "Total" column (grand
   total in the corner). For the sheet above:
       month   2024-01  2024-02  2024-03  Total
       region
       North        15       12        7     34
       South         8        9        4     21
       Total        23       21       11     55
   (careful: pivot_table's default aggfunc is the MEAN, not the sum)

3. `store_sheet(long)`: back to wide: index store (sorted), one column per month (sorted), the
   units, NaN where the store has no row for that month (no data is not 0). A store with TWO
   rows for the same month is a data error, not something to add up or average silently:
   raise ValueError(f"duplicate rows for store {store!r} in month {month!r}") for the first one.

No function changes the DataFrame it is given.
"""

import pandas as pd


def to_long(wide: pd.DataFrame) -> pd.DataFrame:
    # TODO: melt with id_vars store and region, drop the blanks, int units, sort, new index.
    raise NotImplementedError


def region_by_month(long: pd.DataFrame) -> pd.DataFrame:
    # TODO: pivot_table summing the units, 0 for no sales, with Total margins.
    raise NotImplementedError


def store_sheet(long: pd.DataFrame) -> pd.DataFrame:
    # TODO: refuse duplicate (store, month) rows, then pivot back to one column per month.
    raise NotImplementedError
