"""The whole pipeline, from two CSV files to a table, a test result and a figure (reference)."""

from pathlib import Path

import matplotlib.pyplot as plt

from cafepipe.clean import clean_sales
from cafepipe.figure import revenue_figure
from cafepipe.load import load_sales, load_stores
from cafepipe.reshape import add_city, daily_revenue
from cafepipe.stats import promo_effect


def run(sales_csv: Path, stores_csv: Path, out_dir: Path) -> dict:
    raw = load_sales(sales_csv)
    sales, dropped = clean_sales(raw)
    sales = add_city(sales, load_stores(stores_csv))
    daily = daily_revenue(sales)
    effect = promo_effect(sales)

    out_dir.mkdir(parents=True, exist_ok=True)
    daily.to_csv(out_dir / "daily_revenue.csv")
    fig = revenue_figure(daily)
    try:
        fig.savefig(out_dir / "daily_revenue.png", dpi=60)
    finally:
        plt.close(fig)

    return {
        "rows_read": len(raw),
        "rows_used": len(sales),
        "dropped": dropped,
        "revenue_total": round(float(sales["revenue"].sum()), 2),
        "promo_p": effect.p,
        "promo_significant": effect.significant,
    }
