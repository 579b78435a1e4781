"""Join orders to customers without losing, multiplying or mislabelling a row.

`orders` has columns order_id, customer_id, amount; `customers` has customer_id, name, segment,
where segment is one of three LEVELS, bronze < silver < gold, typed by hand (" Gold", "SILVER").

1. `enrich_orders(orders, customers)`: every order, in its order, with the customer's name and
   segment added, plus a bool column known_customer (False for an order whose customer_id is
   not in customers: its name and segment are missing, but the ORDER IS KEPT). Columns:
       order_id customer_id amount name segment known_customer
   segment is cleaned (strip, lower case) and made an ORDERED categorical with the categories
   ["bronze", "silver", "gold"] (the module constant SEGMENTS), so that it sorts and compares
   by level, not alphabetically.
   Errors (ValueError), because each would otherwise corrupt the numbers silently:
   - a customer_id listed twice in customers: a plain merge would give each of that customer's
     orders twice and double the revenue. Ask merge to check: validate="many_to_one" raises
     pandas.errors.MergeError (a ValueError: "... not a many-to-one merge").
   - a segment that is not one of the three levels after cleaning, e.g. "platinum":
     ValueError(f"unknown segment {value!r}") (casting to the categorical would turn it into
     NaN without a word).

2. `revenue_by_segment(enriched)`: total amount per segment as a Series indexed by the three
   levels in level order, 0.0 for a level with no orders (group by the categorical with
   observed=False); orders of unknown customers are in no level.

3. `at_least(enriched, level)`: the rows whose segment is `level` or higher (unknown customers
   are not); a level that is not one of the three -> ValueError(f"unknown segment {level!r}").

Neither DataFrame passed in is changed.

Example: customers C1 " Gold", C2 "silver"; orders O1 (C2, 20.0), O2 (C9, 5.0), O3 (C1, 100.0):
    enrich_orders(...)["known_customer"]  -> [True, False, True]
    revenue_by_segment(...)                -> bronze 0.0, silver 20.0, gold 100.0
    at_least(..., "silver")["order_id"]    -> ["O1", "O3"]   ("gold" < "silver" as text!)
"""

import pandas as pd

SEGMENTS = pd.CategoricalDtype(["bronze", "silver", "gold"], ordered=True)


def enrich_orders(orders: pd.DataFrame, customers: pd.DataFrame) -> pd.DataFrame:
    # TODO: clean the segment, refuse unknown ones, cast it to SEGMENTS (on a copy).
    # TODO: a left merge that validates many-to-one and marks the unmatched orders.
    raise NotImplementedError


def revenue_by_segment(enriched: pd.DataFrame) -> pd.Series:
    # TODO: sum the amount per segment, every level present.
    raise NotImplementedError


def at_least(enriched: pd.DataFrame, level: str) -> pd.DataFrame:
    # TODO: refuse an unknown level, then compare the ordered categorical.
    raise NotImplementedError
