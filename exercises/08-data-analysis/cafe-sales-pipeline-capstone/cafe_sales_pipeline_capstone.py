"""cafepipe: a small analysis pipeline for a chain of cafés, from raw CSV files to a report.

    $ python cafe_sales_pipeline_capstone.py cafe_sales.csv cafe_stores.csv report/
    read 21 rows, used 17 (dropped: duplicate 1, bad_qty 2, no_price 1)
    revenue 101.60 EUR
    promotion effect: p = 0.0001 (significant)

The package cafepipe/ holds the steps; each module's docstring is its task:

    cafepipe/load.py      load_sales, load_stores              (provided)
    cafepipe/clean.py     clean_sales                          (yours)
    cafepipe/reshape.py   add_city, daily_revenue              (yours)
    cafepipe/stats.py     promo_effect, PromoEffect            (yours)
    cafepipe/figure.py    revenue_figure                       (yours)
    cafepipe/pipeline.py  run                                  (yours)
    this file             main, below                          (yours)

main(argv=None) -> exit status, with argparse (prog "cafepipe") and three positional paths:
sales, stores, out_dir. It calls pipeline.run and prints the three lines above:
    "read {rows_read} rows, used {rows_used} (dropped: duplicate 1, bad_qty 2, no_price 1)"
    "revenue {revenue_total:.2f} EUR"
    "promotion effect: p = {promo_p:.4f} (significant)"    or "(not significant)"
and returns 0. A ValueError from the pipeline (an unknown store, too few receipts) is printed
to stderr as "cafepipe: <the error>" and main returns 1 (no traceback).
"""

import argparse
import sys
from pathlib import Path

from cafepipe.pipeline import run


def main(argv: list[str] | None = None) -> int:
    # TODO: argparse with three Path arguments, run(...), print the report or the error.
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
