"""cafepipe: a small sales-analysis pipeline for a chain of cafés.

    load.py      read the two CSV files with the right types (done for you)
    clean.py     clean_sales: tidy text, drop duplicate receipts and unusable rows, add revenue
    reshape.py   add_city (a validated join) and daily_revenue (a pivot by local day)
    stats.py     promo_effect: do promotion receipts bring in more? (Welch's t-test, one-sided)
    figure.py    revenue_figure: daily revenue per city with seaborn
    pipeline.py  run: load -> clean -> join -> reshape -> stats -> figure, files written to a folder

Each module's docstring is its specification. Work from the top of this list down.
"""
