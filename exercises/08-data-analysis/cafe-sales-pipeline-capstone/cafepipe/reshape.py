"""Join the stores' cities onto the sales, then pivot revenue by local day and city.

1. `add_city(sales, stores)`: the sales (same rows, same order) with the store's city added as
   a last column "city". Every store_id of the sales must be in stores, else
   ValueError(f"unknown store ids: {sorted_list}"), e.g. "unknown store ids: ['B9', 'Z1']"
   (revenue with no city would vanish from the daily table). A store_id listed twice in stores
   would copy each of its sales: make the merge check it, validate="many_to_one" (pandas raises
   MergeError, a ValueError).

2. `daily_revenue(sales)`: a table with one row per LOCAL day that has sales ("2024-06-03",
   text, from sold_at, which is already in Europe/Berlin time: a sale at 00:30 belongs to that
   day, although it was 22:30 UTC the day before), one column per city (sorted), the summed
   revenue rounded to cents, 0.0 where a city sold nothing that day. Index named "day",
   columns named "city".
       city        Berlin  Köln
       day
       2024-06-03    26.9  10.0
       ...
"""

import pandas as pd


def add_city(sales: pd.DataFrame, stores: pd.DataFrame) -> pd.DataFrame:
    # TODO: unknown store ids -> ValueError; then a validated left merge.
    raise NotImplementedError


def daily_revenue(sales: pd.DataFrame) -> pd.DataFrame:
    # TODO: day text with .dt.strftime("%Y-%m-%d"), then pivot_table summing revenue.
    raise NotImplementedError
