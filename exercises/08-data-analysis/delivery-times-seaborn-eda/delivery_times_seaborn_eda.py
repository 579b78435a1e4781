"""A first look at delivery times: a missing-values report and a three-panel seaborn figure.

`df` has one row per delivery: weekday ("Mon" ... "Sun"), minutes, distance_km, items; any of
the numbers may be missing (NaN). Exploratory data analysis starts with two questions: what is
missing, and what do the distributions and relations look like?

1. `missing_report(df)`: one row per column of df, index named "column", with the columns
       missing  how many values are missing (int)
       share    missing / number of rows (0.0 to 1.0)
   sorted by missing, most first; columns with the same count by name (A to Z).

2. `eda_figure(df)`: a matplotlib Figure, figsize (15, 4), with three seaborn panels side by side
   (plt.subplots(1, 3, ...), each seaborn call drawn on its own Axes with ax=...):
   a. sns.histplot of minutes, with bins every 10 minutes from 0: edges 0, 10, 20, ... up to the
      first edge at or past the largest value (np.arange(0, max + 10, 10)); title
      "Delivery time".
   b. sns.boxplot of minutes per weekday, the days in CALENDAR order (Mon before Tue ...), only
      the days that occur in df (order=...; seaborn's default is the order of first appearance);
      title "By weekday".
   c. sns.heatmap of the Pearson correlation of minutes, distance_km and items (df[...].corr()),
      each cell annotated with two decimals (annot=True, fmt=".2f"), the colour scale fixed from
      -1 to 1 (vmin, vmax: an automatic scale paints a weak 0.2 as strongly as a 0.9);
      title "Correlation".
   Never show a window (the Agg backend; no plt.show()): the caller saves or inspects the
   returned Figure. Each call makes a NEW figure; df is not changed.

Example: minutes [35, 22, 61, NaN] -> histogram edges 0, 10, ..., 70: bars 0, 0, 1, 1, 0, 0, 1
"""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure

WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
NUMERIC = ["minutes", "distance_km", "items"]


def missing_report(df: pd.DataFrame) -> pd.DataFrame:
    # TODO: df.isna().sum(), the share, the index name, the sort.
    raise NotImplementedError


def eda_figure(df: pd.DataFrame) -> Figure:
    # TODO: fig, (hist, box, heat) = plt.subplots(1, 3, figsize=(15, 4)), then one seaborn
    # call per Axes, titles, return fig.
    raise NotImplementedError
