"""revenue_figure(daily) -> Figure: daily revenue per city as a seaborn line plot.

`daily` is the table from reshape.daily_revenue (index "day", one column per city). seaborn
wants LONG data: melt it to columns day, city, revenue first. Then, on a new figure
(plt.subplots, figsize (8, 4)), draw sns.lineplot(x="day", y="revenue", hue="city",
marker="o", ax=ax): one line per city, its legend naming the cities. Title "Daily revenue",
x label "Day", y label "Revenue (EUR)". Never show a window (the Agg backend, no plt.show());
`daily` is not changed.
"""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure


def revenue_figure(daily: pd.DataFrame) -> Figure:
    # TODO: melt, plt.subplots, sns.lineplot(..., ax=ax), title and labels, return fig.
    raise NotImplementedError
