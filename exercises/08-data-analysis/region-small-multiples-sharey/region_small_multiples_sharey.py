"""Small multiples with Matplotlib: one panel per group, all on the SAME y axis.

A chart per region, side by side, is only honest when the panels share their y axis: if each
panel scales itself, a region selling 5 a month looks as busy as one selling 500.

`df` has one row per group and month: columns month (text such as "Jan"), the value column
(e.g. "sales") and the group column (e.g. "region"), rows in month order within each group.

1. `small_multiples(df, value, by, ncols=3)`: a new Figure with one panel (Axes) per group,
   groups sorted, laid out row by row in a grid of `ncols` columns and as many rows as needed
   (7 groups, ncols=3 -> 3 rows, 9 Axes; plt.subplots(nrows, ncols, ...)). Every panel:
   the group's value per month as a line with marker "o", title = the group's name. All panels
   share the x and the y axis (sharex=True, sharey=True), so their y limits are the same.
   The Axes the grid has left over are hidden (ax.set_visible(False)). The figure title
   (fig.suptitle) is the value column's name; figsize (4 * ncols, 3 * nrows) inches.
   ncols < 1 -> ValueError("ncols must be at least 1, ..."); no rows -> ValueError("no groups
   ...").
   Use squeeze=False: with one row plt.subplots otherwise returns a 1-D array of Axes, with
   one Axes a lone Axes, and axes.ravel() (the Axes row by row) stops working the same way.

2. `save_each(df, value, by, out_dir)`: one PNG per group, out_dir / f"{group}.png", made with
   small_multiples(that group's rows, value, by, ncols=1) and saved with dpi=30; returns the
   paths in group order. out_dir is created if missing. Each figure is CLOSED after saving
   (plt.close(fig)): a loop over 300 regions would otherwise keep 300 figures in memory, and
   Matplotlib warns after 20.

Example: 4 regions, ncols=3 -> 2 rows x 3 columns, 4 visible panels and 2 hidden ones.
"""

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure


def small_multiples(df: pd.DataFrame, value: str, by: str, ncols: int = 3) -> Figure:
    # TODO: validate, sorted groups, plt.subplots(..., sharex=True, sharey=True, squeeze=False),
    # one line per panel, hide the spare Axes, suptitle.
    raise NotImplementedError


def save_each(df: pd.DataFrame, value: str, by: str, out_dir: Path) -> list[Path]:
    # TODO: one ncols=1 figure per group, savefig(dpi=30), plt.close(fig).
    raise NotImplementedError
