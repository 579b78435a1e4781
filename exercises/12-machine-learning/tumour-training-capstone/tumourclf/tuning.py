"""Tuning: a cross-validated grid search on the training rows only.

tune(X_train, y_train, param_grid, folds=5, random_state=0) -> the FITTED
GridSearchCV over make_classifier() with
    cv=StratifiedKFold(n_splits=folds, shuffle=True, random_state=random_state)
    scoring="roc_auc"      (threshold-free: how well it ranks malignant first)
    n_jobs=1
An empty param_grid raises ValueError("param_grid must not be empty");
folds below 2 raise ValueError("folds must be at least 2"). Give it only
training rows: the test rows must never help choose a parameter.
"""
from sklearn.model_selection import GridSearchCV, StratifiedKFold

from tumourclf.pipeline import make_classifier


def tune(X_train, y_train, param_grid: dict, folds: int = 5, random_state: int = 0) -> GridSearchCV:
    # TODO: check the arguments, then GridSearchCV(...).fit(X_train, y_train).
    raise NotImplementedError
