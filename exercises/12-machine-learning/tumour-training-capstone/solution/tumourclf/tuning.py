"""Tuning: a cross-validated grid search on the training rows only."""
from sklearn.model_selection import GridSearchCV, StratifiedKFold

from tumourclf.pipeline import make_classifier


def tune(X_train, y_train, param_grid: dict, folds: int = 5, random_state: int = 0) -> GridSearchCV:
    if not param_grid:
        raise ValueError("param_grid must not be empty")
    if folds < 2:
        raise ValueError("folds must be at least 2")
    search = GridSearchCV(
        make_classifier(),
        param_grid,
        cv=StratifiedKFold(n_splits=folds, shuffle=True, random_state=random_state),
        scoring="roc_auc",
        n_jobs=1,
    )
    return search.fit(X_train, y_train)
