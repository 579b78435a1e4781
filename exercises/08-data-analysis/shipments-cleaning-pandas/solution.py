"""Clean a messy shipments export with pandas (reference solution)."""

import re

import pandas as pd

WEIGHT = re.compile(r"\s*(\d+(?:[.,]\d+)?)\s*([a-z]+)\s*", re.IGNORECASE)
KG_PER_UNIT = {"kg": 1.0, "g": 0.001}


def parse_weight_kg(text: str) -> float:
    match = WEIGHT.fullmatch(text)
    if match is None:
        raise ValueError(f"cannot parse weight {text!r}")
    number, unit = match.groups()
    factor = KG_PER_UNIT.get(unit.lower())
    if factor is None:
        raise ValueError(f"unknown unit {unit!r} in {text!r}")
    return float(number.replace(",", ".")) * factor


def clean_shipments(path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str)

    df["shipment_id"] = df["shipment_id"].str.strip().str.upper()
    df["shipped_on"] = pd.to_datetime(df["shipped_on"], format="%Y-%m-%d", errors="coerce")
    df["city"] = df["city"].str.strip().str.title().fillna("Unknown").replace("", "Unknown")

    df = df.dropna(subset=["weight"])
    df = df.assign(weight_kg=df["weight"].map(parse_weight_kg).astype(float))

    df = df.drop_duplicates(subset="shipment_id", keep="first")
    return df[["shipment_id", "shipped_on", "city", "weight_kg"]].reset_index(drop=True)
