"""tumourclf: train, evaluate, store and serve a breast-tumour classifier.

    data.py      load_split: the one train/test split            <- TODO
    pipeline.py  make_classifier, DEFAULT_GRID (done)
    tuning.py    tune: cross-validated grid search, training rows only  <- TODO
    report.py    metrics_report: the numbers on the test rows    <- TODO
    store.py     save_model / load_model with skops, safely      <- TODO
    serving.py   predict_one: validate a request, then predict   <- TODO
"""
