"""Join orders to customers safely: validate=, indicator= and an ordered categorical (reference)."""

import pandas as pd

SEGMENTS = pd.CategoricalDtype(["bronze", "silver", "gold"], ordered=True)


def enrich_orders(orders: pd.DataFrame, customers: pd.DataFrame) -> pd.DataFrame:
    segment = customers["segment"].str.strip().str.lower()
    unknown = segment[~segment.isin(SEGMENTS.categories)]
    if not unknown.empty:
        raise ValueError(f"unknown segment {unknown.iloc[0]!r}")
    customers = customers.assign(segment=segment.astype(SEGMENTS))
    enriched = orders.merge(
        customers, on="customer_id", how="left", validate="many_to_one", indicator=True
    )
    enriched["known_customer"] = enriched["_merge"] == "both"
    return enriched.drop(columns="_merge")


def revenue_by_segment(enriched: pd.DataFrame) -> pd.Series:
    return enriched.groupby("segment", observed=False)["amount"].sum()


def at_least(enriched: pd.DataFrame, level: str) -> pd.DataFrame:
    if level not in SEGMENTS.categories:
        raise ValueError(f"unknown segment {level!r}")
    return enriched[enriched["segment"] >= level]
