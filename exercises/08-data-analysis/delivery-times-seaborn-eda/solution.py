"""A first look at delivery times: a missing-values report and a three-panel seaborn figure."""

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
    missing = df.isna().sum()
    report = pd.DataFrame({"missing": missing, "share": missing / len(df)})
    return report.rename_axis("column").sort_values(["missing", "column"], ascending=[False, True])


def eda_figure(df: pd.DataFrame) -> Figure:
    fig, (hist, box, heat) = plt.subplots(1, 3, figsize=(15, 4))

    edges = np.arange(0, df["minutes"].max() + 10, 10)
    sns.histplot(data=df, x="minutes", bins=edges, ax=hist)
    hist.set_title("Delivery time")

    days = [day for day in WEEKDAYS if day in set(df["weekday"])]
    sns.boxplot(data=df, x="weekday", y="minutes", order=days, ax=box)
    box.set_title("By weekday")

    corr = df[NUMERIC].corr()
    sns.heatmap(corr, annot=True, fmt=".2f", vmin=-1, vmax=1, cmap="vlag", ax=heat)
    heat.set_title("Correlation")
    return fig
