"""Clean the raw sales (reference solution)."""

import pandas as pd


def clean_sales(sales: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, int]]:
    dropped = {}
    clean = sales.assign(product=sales["product"].str.strip().str.lower())

    before = len(clean)
    clean = clean.drop_duplicates(subset="receipt_id", keep="first")
    dropped["duplicate"] = before - len(clean)

    before = len(clean)
    clean = clean[clean["qty"] > 0]
    dropped["bad_qty"] = before - len(clean)

    before = len(clean)
    clean = clean.dropna(subset=["unit_price"])
    dropped["no_price"] = before - len(clean)

    clean = clean.assign(revenue=(clean["qty"] * clean["unit_price"]).round(2))
    return clean.reset_index(drop=True), dropped
