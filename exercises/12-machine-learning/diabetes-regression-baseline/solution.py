"""Is the regression model any good? Compare it with a baseline that knows nothing."""
import math
from dataclasses import dataclass

from sklearn.base import RegressorMixin, clone
from sklearn.dummy import DummyRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split


@dataclass(frozen=True)
class RegressionReport:
    model: dict[str, float]
    baseline: dict[str, float]
    beats_baseline: bool
    n_train: int
    n_test: int


def regression_metrics(y_true, y_pred) -> dict[str, float]:
    if len(y_true) == 0:
        raise ValueError("no predictions to score")
    if len(y_true) != len(y_pred):
        raise ValueError(f"{len(y_true)} true values but {len(y_pred)} predictions")
    return {
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "rmse": math.sqrt(mean_squared_error(y_true, y_pred)),
        "r2": float(r2_score(y_true, y_pred)),
    }


def evaluate_regressor(
    model: RegressorMixin, X, y, test_size: float = 0.25, random_state: int = 0
) -> RegressionReport:
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=test_size, random_state=random_state
    )
    fitted = clone(model).fit(X_train, y_train)
    baseline = DummyRegressor(strategy="mean").fit(X_train, y_train)
    scores = regression_metrics(y_test, fitted.predict(X_test))
    baseline_scores = regression_metrics(y_test, baseline.predict(X_test))
    return RegressionReport(
        model=scores,
        baseline=baseline_scores,
        beats_baseline=scores["rmse"] < baseline_scores["rmse"],
        n_train=len(y_train),
        n_test=len(y_test),
    )
