"""Tune a model honestly: GridSearchCV with stratified cross-validation on wine.

Wine (sklearn.datasets.load_wine: 178 wines, 13 chemical measurements, 3
cultivars) is a data set where scaling matters a lot for k-nearest neighbours.

1. make_wine_pipeline() returns Pipeline([("scale", StandardScaler()),
   ("model", KNeighborsClassifier())]). The scaler sits INSIDE the pipeline so
   that during cross-validation it is refitted on each training fold.

2. tune_wine(param_grid=DEFAULT_GRID, folds=5, random_state=0) returns a
   TuningReport (DEFAULT_GRID, given below: n_neighbors 1, 5 or 15, weights
   "uniform" or "distance"):
   - split wine with train_test_split(test_size=0.25, stratify=y,
     random_state=random_state); the test part is only used at the very end;
   - search param_grid with GridSearchCV on the training part, with
     cv=StratifiedKFold(n_splits=folds, shuffle=True, random_state=random_state)
     and scoring="accuracy" (keep the default n_jobs: one process is plenty here);
   - best_params: the winning parameters, e.g. {"model__n_neighbors": 5,
     "model__weights": "uniform"}; best_cv_score: their mean accuracy over the
     folds; test_accuracy: the refitted best model's accuracy on the test part;
     n_candidates: how many parameter combinations were tried. The test part
     plays no role before that final score: not in the search, not in a refit.
   folds < 2 raises ValueError("folds must be at least 2"); an empty grid raises
   ValueError("param_grid must not be empty").

       >>> report = tune_wine()
       >>> report.n_candidates, report.best_cv_score > 0.9
       (6, True)
"""
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
    # TODO: a scaler step and a model step, named "scale" and "model".
    raise NotImplementedError


def tune_wine(
    param_grid: dict[str, list] = DEFAULT_GRID, folds: int = 5, random_state: int = 0
) -> TuningReport:
    # TODO: split, GridSearchCV(...).fit on the training part, build the report.
    raise NotImplementedError
