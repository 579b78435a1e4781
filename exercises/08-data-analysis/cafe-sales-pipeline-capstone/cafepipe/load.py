"""Read the pipeline's two CSV files with the right types (done for you).

cafe_sales.csv: receipt_id, sold_at (ISO 8601 in UTC, "2024-06-03T07:15:00Z"), store_id,
product, qty, unit_price, promo (1 when the receipt used a promotion, else 0). qty and
unit_price may be blank.
cafe_stores.csv: store_id, city.
"""

from pathlib import Path

import pandas as pd

TIMEZONE = "Europe/Berlin"


def load_sales(path: Path) -> pd.DataFrame:
    sales = pd.read_csv(path, dtype={"receipt_id": str, "store_id": str, "product": str})
    sales["sold_at"] = pd.to_datetime(sales["sold_at"], utc=True).dt.tz_convert(TIMEZONE)
    sales["promo"] = sales["promo"].astype(bool)
    return sales


def load_stores(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str)
