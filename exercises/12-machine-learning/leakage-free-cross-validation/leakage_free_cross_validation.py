"""Cross-validation that does not lie: every learnt step inside the Pipeline.

Cross-validation estimates how a model does on rows it has never seen. It
only works if EVERYTHING learnt from data is learnt again inside each fold,
from that fold's training rows: the scaler's means and deviations, and the
choice of the "best" columns. Scale or select on the whole data first, and
the folds' test rows have leaked into training: on pure noise, selecting 10
of 1000 random columns on all rows first gives a cross-validated accuracy
near 0.85 for a problem where nothing beats a coin (0.5).

1. make_leakproof_pipeline(k=10, C=1.0) returns a Pipeline with the steps
       "scale"  StandardScaler()
       "select" SelectKBest(f_classif, k=k)
       "model"  LogisticRegression(C=C, max_iter=1000)

2. cross_validate_pipeline(X, y, k=10, folds=5, random_state=0,
   scoring="accuracy") cross-validates make_leakproof_pipeline(k) on the RAW
   X and y (no scaling or selecting before) with
   StratifiedKFold(n_splits=folds, shuffle=True, random_state=random_state)
   and the given scikit-learn scoring name, and returns a CVReport:
       fold_scores  one float per fold, in fold order
       mean, std    of those (std as numpy's default, ddof=0)
       >>> X, y = load_breast_cancer(return_X_y=True)
       >>> report = cross_validate_pipeline(X, y)
       >>> len(report.fold_scores), round(report.mean, 3)
       (5, 0.96)
   folds below 2 raise ValueError("folds must be at least 2"); k outside
   1..number of columns raises ValueError("k must be between 1 and 30, got 31").
"""
from dataclasses import dataclass

from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


@dataclass(frozen=True)
class CVReport:
    fold_scores: list[float]
    mean: float
    std: float


def make_leakproof_pipeline(k: int = 10, C: float = 1.0) -> Pipeline:
    # TODO: Pipeline([("scale", ...), ("select", ...), ("model", ...)]).
    raise NotImplementedError


def cross_validate_pipeline(
    X, y, k: int = 10, folds: int = 5, random_state: int = 0, scoring: str = "accuracy"
) -> CVReport:
    # TODO: check folds and k, then cross_val_score the pipeline on the raw X.
    raise NotImplementedError
