"""Draw a two-panel sales figure with Matplotlib and return the Figure object.

`sales_figure(months, sales, title)`:
    months  the x-axis labels, e.g. ["Jan", "Feb", "Mar"]
    sales   {region: one number per month}, e.g. {"North": [10, 12, 9], "South": [7, 8, 11]}
    title   the title of the whole figure (fig.suptitle)

Build ONE 10 x 4 inch figure with two axes side by side:
`fig, (trend, totals) = plt.subplots(1, 2, figsize=(10, 4))`.
  trend   title "Monthly sales": one line per region, in the dict's order, drawn with
          marker "o" and labelled with the region name; x label "Month", y label
          "Sales (EUR)"; a legend.
  totals  title "Total per region": one bar per region, its height the region's total,
          tallest first (regions with the same total keep the dict's order); each bar
          labelled with its total as a whole number with thousands separators
          (1234.5 -> "1,234"); y label "Sales (EUR)".
Return the Figure. Never call plt.show(): tests (and report scripts on a server) read the
figure object back, or save it with fig.savefig("sales.png").

No regions at all -> ValueError("no sales ..."); a region whose list is not one number per
month -> ValueError naming that region.

Example: sales_figure(["Jan", "Feb"], {"North": [10, 12], "South": [7, 8]}, "Q1")
    -> a Figure whose fig.axes[0] has 2 lines and fig.axes[1] has bars of height 22 and 15.
"""

import matplotlib

matplotlib.use("Agg")  # draw into memory, never open a window

import matplotlib.pyplot as plt
from matplotlib.figure import Figure


def sales_figure(months: list[str], sales: dict[str, list[float]], title: str) -> Figure:
    # TODO: check the input and raise the two ValueErrors.
    fig, (trend, totals) = plt.subplots(1, 2, figsize=(10, 4))
    # TODO: the figure title.
    # TODO: trend: one labelled line per region, axis labels, title, legend.
    # TODO: totals: bars sorted by total (largest first), bar labels, y label, title.
    return fig
