"""Who churns? Bin customers by tenure, then compare the bands: pd.cut, group-by, crosstab.

`df` has one row per customer: customer_id, tenure_months (how long they have been a customer;
a float, NaN when unknown), plan ("basic", "pro", ...), churned (bool: left this month).

1. `tenure_band(months)`: each value's band, as an ordered categorical with the categories
   BANDS = ["0-5", "6-11", "12-23", "24+"]:
       "0-5"    0 <= months < 6        (5.9 is still "0-5"; 6 is "6-11")
       "6-11"   6 <= months < 12
       "12-23"  12 <= months < 24
       "24+"    24 <= months
   (pd.cut with right=False: the left edge belongs to the band). NaN stays NaN. Any negative
   value -> ValueError(f"negative tenure: {value}") for the first one.

2. `churn_by_band(df)`: one row per band, ALL FOUR in band order (also a band with no
   customers), index named "band", columns
       customers  how many customers with a known tenure fall in the band (int)
       churned    how many of them churned (int)
       rate       churned / customers (NaN for a band without customers, not 0)
   Customers with an unknown tenure are in no band.

3. `plan_mix(df)`: the plans' shares WITHIN each band: a crosstab with the bands as rows (index
   named "band"), the plans as columns (sorted), each row summing to 1 (normalize="index"),
   e.g. half the "0-5" customers are on "basic" -> 0.5. Bands without customers are left out.

No function changes the DataFrame it is given (no helper "band" column added to it).

Example: tenure_months [0, 5.9, 6, 12, 30] -> "0-5", "0-5", "6-11", "12-23", "24+"
"""

import numpy as np
import pandas as pd

BANDS = ["0-5", "6-11", "12-23", "24+"]


def tenure_band(months: pd.Series) -> pd.Series:
    # TODO: refuse negatives, then pd.cut with the band edges, right=False, labels=BANDS.
    raise NotImplementedError


def churn_by_band(df: pd.DataFrame) -> pd.DataFrame:
    # TODO: band the known tenures, count per band with observed=False, add the rate.
    raise NotImplementedError


def plan_mix(df: pd.DataFrame) -> pd.DataFrame:
    # TODO: pd.crosstab(bands, plans, normalize="index").
    raise NotImplementedError
