"""clean_sales(sales) -> (clean, dropped): tidy the raw sales without touching the caller's table.

In this order:
1. product: strip the spaces and lower the case (" latte ", "LATTE" -> "latte").
2. a receipt_id seen before is a duplicate (the till sent it twice): keep the first row only.
3. drop the rows whose qty is missing or not positive (0 is a voided line).
4. drop the rows whose unit_price is missing.
5. add revenue = qty * unit_price, rounded to cents (2 decimals).
Return the clean table (index 0, 1, 2, ...; the columns of `sales` plus revenue) and a dict
counting the rows each step dropped, in this order:
    {"duplicate": 1, "bad_qty": 2, "no_price": 1}      (for cafe_sales.csv)

The DataFrame passed in is not changed: build new frames (assign, boolean masks, dropna
without inplace) instead of assigning into a filtered slice. In pandas 3
`sales[mask]["product"] = ...` changes NOTHING (it writes into a temporary copy), and in
pandas 2 it may or may not change `sales` (the SettingWithCopyWarning).
"""

import pandas as pd


def clean_sales(sales: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, int]]:
    # TODO: the five steps above; count len() before and after each dropping step.
    raise NotImplementedError
