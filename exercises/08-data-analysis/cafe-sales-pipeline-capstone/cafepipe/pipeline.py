"""run(sales_csv, stores_csv, out_dir) -> dict: the whole pipeline, from two files to a report.

load (load.load_sales, load.load_stores) -> clean.clean_sales -> reshape.add_city ->
reshape.daily_revenue -> stats.promo_effect -> figure.revenue_figure.

Writes into out_dir (created with its parents if missing; it may exist already, the run then
overwrites its two files):
    daily_revenue.csv   the daily table, with its "day" index as the first column
    daily_revenue.png   the figure (savefig at dpi=60), and then CLOSES it (plt.close(fig)): a pipeline
                        run every night must not pile up open figures
Returns:
    {"rows_read": rows in the sales file, "rows_used": rows left after cleaning,
     "dropped": clean_sales' counts, "revenue_total": total revenue rounded to cents,
     "promo_p": the one-sided p, "promo_significant": its verdict}
An unknown store stops the run with add_city's ValueError BEFORE anything is written.
"""

from pathlib import Path

import matplotlib.pyplot as plt

from cafepipe.clean import clean_sales
from cafepipe.figure import revenue_figure
from cafepipe.load import load_sales, load_stores
from cafepipe.reshape import add_city, daily_revenue
from cafepipe.stats import promo_effect


def run(sales_csv: Path, stores_csv: Path, out_dir: Path) -> dict:
    # TODO: chain the steps, write the two files, close the figure, return the report.
    raise NotImplementedError
