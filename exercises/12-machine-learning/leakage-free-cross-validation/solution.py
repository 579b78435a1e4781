"""Cross-validation that does not lie: every learnt step inside the Pipeline."""
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
    return Pipeline(
        [
            ("scale", StandardScaler()),
            ("select", SelectKBest(f_classif, k=k)),
            ("model", LogisticRegression(C=C, max_iter=1000)),
        ]
    )


def cross_validate_pipeline(
    X, y, k: int = 10, folds: int = 5, random_state: int = 0, scoring: str = "accuracy"
) -> CVReport:
    if folds < 2:
        raise ValueError("folds must be at least 2")
    n_features = X.shape[1]
    if not 1 <= k <= n_features:
        raise ValueError(f"k must be between 1 and {n_features}, got {k}")
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=random_state)
    scores = cross_val_score(make_leakproof_pipeline(k), X, y, cv=cv, scoring=scoring)
    return CVReport(
        fold_scores=[float(score) for score in scores],
        mean=float(scores.mean()),
        std=float(scores.std()),
    )
