"""Clean a messy shipments export with pandas before anyone computes anything from it.

shipments.csv (next to this file) came out of three warehouse systems, so it has stray spaces,
mixed case, duplicated rows, blanks, a date in the wrong format and weights in different units.

1. `parse_weight_kg(text)`: a weight written as a number and a unit, "kg" or "g" in any case,
   with or without a space, with a decimal point or a decimal comma, surrounding spaces
   allowed; returns kilograms as a float.
       "1.2 kg" -> 1.2    "300 g" -> 0.3    "2kg" -> 2.0    " 0,75 KG " -> 0.75
   Not a number and a unit ("heavy", "", "-1 kg") -> ValueError("cannot parse weight ...").
   Another unit ("3 lb") -> ValueError("unknown unit ...").

2. `clean_shipments(path)`: read the CSV (columns shipment_id, shipped_on, city, weight) and
   return a new DataFrame with columns shipment_id, shipped_on, city, weight_kg, where
     shipment_id  has no surrounding spaces and is upper case       (" s-007 " -> "S-007")
     shipped_on   is a datetime column; a date not written YYYY-MM-DD becomes NaT, the row stays
     city         is stripped and in title case ("MÜNCHEN" -> "München"); blank or missing
                  -> "Unknown"
     weight_kg    is parse_weight_kg of weight; rows with no weight at all are dropped
   then, once the ids are clean and the rows without a weight are gone, only the FIRST row of each
   shipment_id is kept, the rows stay in file order (not sorted) and the index runs 0, 1, 2, ...

Example: the line `s-007 ,2024-03-04,   ,1 kg` becomes  S-007 | 2024-03-04 | Unknown | 1.0
"""

import re

import pandas as pd


def parse_weight_kg(text: str) -> float:
    # TODO: match a number (with "." or ",") and a unit with a regular expression;
    # TODO: convert with the unit's factor, raise the two ValueErrors.
    raise NotImplementedError


def clean_shipments(path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str)  # every column as text: you decide what it means
    # TODO: tidy shipment_id, parse shipped_on, tidy city.
    # TODO: drop rows with no weight, add weight_kg.
    # TODO: drop duplicate shipment ids, choose the columns, renumber the index.
    return df
