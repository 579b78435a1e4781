"""Draw a two-panel sales figure with Matplotlib (reference solution)."""

import matplotlib

matplotlib.use("Agg")  # draw into memory, never open a window

import matplotlib.pyplot as plt
from matplotlib.figure import Figure


def sales_figure(months: list[str], sales: dict[str, list[float]], title: str) -> Figure:
    if not sales:
        raise ValueError("no sales to plot")
    for region, values in sales.items():
        if len(values) != len(months):
            raise ValueError(f"{region} has {len(values)} values for {len(months)} months")

    fig, (trend, totals) = plt.subplots(1, 2, figsize=(10, 4))
    fig.suptitle(title)

    for region, values in sales.items():
        trend.plot(months, values, marker="o", label=region)
    trend.set_title("Monthly sales")
    trend.set_xlabel("Month")
    trend.set_ylabel("Sales (EUR)")
    trend.legend()

    ranked = sorted(sales.items(), key=lambda item: sum(item[1]), reverse=True)
    bars = totals.bar([region for region, _ in ranked], [sum(values) for _, values in ranked])
    totals.bar_label(bars, fmt="{:,.0f}")
    totals.set_title("Total per region")
    totals.set_ylabel("Sales (EUR)")

    return fig
