"""Capstone: a small training package, from the split to a served prediction.

A hospital team wants a classifier that flags possibly MALIGNANT breast
tumours from 30 measurements (scikit-learn's load_breast_cancer), a number
they can trust for how well it works, and a model file their web service can
load safely. The package tumourclf/ holds the parts; each file's docstring
says what it must do:

    data.py      load_split            one stratified split; y = 1 for malignant
    pipeline.py  make_classifier, DEFAULT_GRID      (done)
    tuning.py    tune                  GridSearchCV on the training rows only
    report.py    metrics_report        precision, recall, F1, ROC AUC on the test rows
    store.py     save_model, load_model  skops, refusing untrusted types
    serving.py   predict_one           validate the request, then predict

The discipline that makes the numbers honest: the test rows are split off
FIRST and touched exactly once, by metrics_report. Tuning and scaling only
ever see training rows (the scaler is a step of the pipeline, so each
cross-validation fold refits it).

Here, train_and_save(model_path, param_grid=None, random_state=0) -> dict
wires them together:
    1. split = load_split(random_state=random_state)      (test_size 0.2)
    2. search = tune(split.X_train, split.y_train, param_grid,
                     random_state=random_state)
       param_grid None means DEFAULT_GRID (an empty {} is an error of tune's)
    3. the model is search.best_estimator_ (refitted on the training rows);
       save it with save_model(model, model_path)
    4. return {"best_params": search.best_params_,
               "cv_roc_auc": float(search.best_score_),
               "test": metrics_report(model, split.X_test, split.y_test)}
       >>> summary = train_and_save(tmp_path / "model.skops")
       >>> summary["best_params"], round(summary["test"]["recall"], 3)
       ({'model__C': 0.1}, 0.952)
"""
from pathlib import Path

from tumourclf.data import load_split
from tumourclf.pipeline import DEFAULT_GRID
from tumourclf.report import metrics_report
from tumourclf.store import save_model
from tumourclf.tuning import tune


def train_and_save(model_path, param_grid: dict | None = None, random_state: int = 0) -> dict:
    # TODO: split, tune, save the best estimator, report on the test rows.
    raise NotImplementedError
