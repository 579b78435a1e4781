"""Is the regression model any good? Compare it with a baseline that knows nothing.

An R2 of 0.36 or an RMSE of 56 mean little alone. The honest question is:
does the model beat a "model" that always predicts the mean of the training
targets (sklearn.dummy.DummyRegressor(strategy="mean"))? Both are fitted on
the SAME training rows and scored on the SAME held-out test rows, never on
the rows they learnt from.

1. regression_metrics(y_true, y_pred) returns a dict of three floats:
       "mae"  mean absolute error  (average of |true - pred|)
       "rmse" root mean squared error (square root of the mean of (true - pred)**2)
       "r2"   coefficient of determination (1 is perfect; 0 is what the mean
              of y_true scores; below 0 is worse than that)
       >>> regression_metrics([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])
       {'mae': 0.5, 'rmse': 0.6123724356957945, 'r2': 0.9486081370449679}
   No values raises ValueError("no predictions to score"); lengths that
   differ raise ValueError("3 true values but 2 predictions").

2. evaluate_regressor(model, X, y, test_size=0.25, random_state=0) splits
   with train_test_split(X, y, test_size=test_size, random_state=random_state),
   fits a copy of model (sklearn.base.clone: the caller's model stays
   unfitted) and a DummyRegressor(strategy="mean") on the training rows, and
   returns a RegressionReport:
       model          regression_metrics of the model's test predictions
       baseline       regression_metrics of the dummy's test predictions
       beats_baseline True only if the model's RMSE is strictly lower
       n_train, n_test  the number of rows in each part
       >>> X, y = load_diabetes(return_X_y=True)
       >>> report = evaluate_regressor(Ridge(alpha=1.0), X, y)
       >>> round(report.model["r2"], 3), round(report.baseline["r2"], 5), report.beats_baseline
       (0.357, -0.00014, True)
   (The baseline's R2 on the test rows is not exactly 0: it predicts the
   TRAINING mean, and the test rows have a mean of their own.)
"""
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
    # TODO: check the lengths, then MAE, RMSE (the root of the MSE) and R2.
    raise NotImplementedError


def evaluate_regressor(
    model: RegressorMixin, X, y, test_size: float = 0.25, random_state: int = 0
) -> RegressionReport:
    # TODO: split, fit a clone of model and a DummyRegressor on the training rows,
    # score both on the test rows.
    raise NotImplementedError
