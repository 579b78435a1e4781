"""Daily revenue per city with seaborn (reference solution)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure


def revenue_figure(daily: pd.DataFrame) -> Figure:
    long = daily.reset_index().melt(id_vars="day", var_name="city", value_name="revenue")
    fig, ax = plt.subplots(figsize=(8, 4))
    sns.lineplot(data=long, x="day", y="revenue", hue="city", marker="o", ax=ax)
    ax.set_title("Daily revenue")
    ax.set_xlabel("Day")
    ax.set_ylabel("Revenue (EUR)")
    return fig
