"""Tune a model honestly: GridSearchCV with stratified cross-validation on wine."""
from dataclasses import dataclass
from typing import Any

from sklearn.datasets import load_wine
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

DEFAULT_GRID = {
    "model__n_neighbors": [1, 5, 15],
    "model__weights": ["uniform", "distance"],
}


@dataclass
class TuningReport:
    best_params: dict[str, Any]
    best_cv_score: float
    test_accuracy: float
    n_candidates: int


def make_wine_pipeline() -> Pipeline:
    return Pipeline([("scale", StandardScaler()), ("model", KNeighborsClassifier())])


def tune_wine(
    param_grid: dict[str, list] = DEFAULT_GRID, folds: int = 5, random_state: int = 0
) -> TuningReport:
    if folds < 2:
        raise ValueError("folds must be at least 2")
    if not param_grid:
        raise ValueError("param_grid must not be empty")
    X, y = load_wine(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=random_state
    )
    search = GridSearchCV(
        make_wine_pipeline(),
        param_grid,
        cv=StratifiedKFold(n_splits=folds, shuffle=True, random_state=random_state),
        scoring="accuracy",
    )
    search.fit(X_train, y_train)
    return TuningReport(
        best_params=search.best_params_,
        best_cv_score=float(search.best_score_),
        test_accuracy=float(search.score(X_test, y_test)),
        n_candidates=len(search.cv_results_["params"]),
    )
