"""Small multiples with Matplotlib: one panel per group on a shared y axis (reference solution)."""

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure


def small_multiples(df: pd.DataFrame, value: str, by: str, ncols: int = 3) -> Figure:
    if ncols < 1:
        raise ValueError(f"ncols must be at least 1, got {ncols}")
    groups = sorted(df[by].unique())
    if not groups:
        raise ValueError("no groups to plot")
    nrows = math.ceil(len(groups) / ncols)
    fig, axes = plt.subplots(
        nrows, ncols, sharex=True, sharey=True, squeeze=False, figsize=(4 * ncols, 3 * nrows)
    )
    flat = axes.ravel()
    for ax, group in zip(flat, groups):
        rows = df[df[by] == group]
        ax.plot(rows["month"], rows[value], marker="o")
        ax.set_title(str(group))
    for ax in flat[len(groups):]:
        ax.set_visible(False)
    fig.suptitle(value)
    return fig


def save_each(df: pd.DataFrame, value: str, by: str, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for group in sorted(df[by].unique()):
        fig = small_multiples(df[df[by] == group], value, by, ncols=1)
        path = out_dir / f"{group}.png"
        try:
            fig.savefig(path, dpi=30)
        finally:
            plt.close(fig)
        paths.append(path)
    return paths
