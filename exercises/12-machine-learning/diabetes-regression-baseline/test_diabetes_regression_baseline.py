import math
import warnings

import numpy as np
import pytest
from sklearn.datasets import load_diabetes
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

from diabetes_regression_baseline import RegressionReport, evaluate_regressor, regression_metrics


@pytest.fixture(scope="module")
def diabetes():
    return load_diabetes(return_X_y=True)


def expected_scores(y_true, y_pred) -> dict:
    return {
        "mae": mean_absolute_error(y_true, y_pred),
        "rmse": math.sqrt(mean_squared_error(y_true, y_pred)),
        "r2": r2_score(y_true, y_pred),
    }


def test_metrics_of_a_hand_checked_example():
    scores = regression_metrics([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])
    assert set(scores) == {"mae", "rmse", "r2"}
    assert scores["mae"] == pytest.approx(0.5), "MAE averages the ABSOLUTE errors |true - pred|"
    assert scores["rmse"] == pytest.approx(0.6123724356957945), (
        "RMSE is the square ROOT of the mean squared error (0.375 here), in the target's own units"
    )
    assert scores["r2"] == pytest.approx(0.9486081370449679), (
        "r2_score(y_true, y_pred): the true values come first; swapped, it gives 0.957"
    )


@pytest.mark.parametrize(
    ("y_true", "y_pred", "expected"),
    [
        ([0, 0], [1, -1], {"mae": 1.0, "rmse": 1.0, "r2": None}),
        ([10, 20, 30], [10, 20, 30], {"mae": 0.0, "rmse": 0.0, "r2": 1.0}),
        ([1, 2, 3], [2, 2, 2], {"mae": 2 / 3, "rmse": math.sqrt(2 / 3), "r2": 0.0}),
        ([1, 2, 3], [3, 2, 1], {"mae": 4 / 3, "rmse": math.sqrt(8 / 3), "r2": -3.0}),
        ([5.0], [2.0], {"mae": 3.0, "rmse": 3.0, "r2": None}),
    ],
    ids=["errors-that-would-cancel", "perfect", "predicting-the-mean", "worse-than-the-mean", "one-value"],
)
def test_metrics_on_small_cases(y_true, y_pred, expected):
    with warnings.catch_warnings():  # R2 of one value is undefined: scikit-learn warns, we skip it
        warnings.simplefilter("ignore")
        scores = regression_metrics(y_true, y_pred)
    assert scores["mae"] == pytest.approx(expected["mae"]), (
        "MAE averages the ABSOLUTE errors: +1 and -1 must not cancel out"
    )
    assert scores["rmse"] == pytest.approx(expected["rmse"])
    if expected["r2"] is not None:
        assert scores["r2"] == pytest.approx(expected["r2"], abs=1e-12)


def test_metrics_are_plain_floats():
    scores = regression_metrics(np.array([1.0, 2.0, 4.0]), np.array([1.5, 2.0, 3.0]))
    assert all(isinstance(value, float) for value in scores.values())


@pytest.mark.parametrize(
    ("y_true", "y_pred", "message"),
    [
        ([], [], "no predictions to score"),
        ([1, 2, 3], [1, 2], "3 true values but 2 predictions"),
        ([1], [1, 2], "1 true values but 2 predictions"),
    ],
    ids=["empty", "fewer-predictions", "more-predictions"],
)
def test_metrics_reject_what_cannot_be_scored(y_true, y_pred, message):
    with pytest.raises(ValueError, match=message):
        regression_metrics(y_true, y_pred)


def test_report_on_diabetes_matches_the_documented_example(diabetes):
    X, y = diabetes
    report = evaluate_regressor(Ridge(alpha=1.0), X, y)
    assert isinstance(report, RegressionReport)
    assert report.model["r2"] == pytest.approx(0.3569596077458861), (
        "Ridge(alpha=1.0) on the default split (test_size=0.25, random_state=0) scores R2 0.357 on "
        "the test rows; another value means another split, or scores taken on the training rows"
    )
    assert report.beats_baseline is True
    assert (report.n_train, report.n_test) == (331, 111)


@pytest.mark.parametrize("random_state", [0, 7], ids=["random-state-0", "random-state-7"])
def test_the_model_is_fitted_on_the_training_rows_and_scored_on_the_test_rows(diabetes, random_state):
    X, y = diabetes
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=random_state)
    fitted = LinearRegression().fit(X_train, y_train)
    report = evaluate_regressor(LinearRegression(), X, y, random_state=random_state)
    expected = expected_scores(y_test, fitted.predict(X_test))
    assert report.model == pytest.approx(expected), (
        "score the model on the held-out test rows only: scored on the rows it learnt from, "
        "it looks better than it is (and random_state must be passed to train_test_split)"
    )


@pytest.mark.parametrize("random_state", [0, 7], ids=["random-state-0", "random-state-7"])
def test_the_baseline_predicts_the_training_mean(diabetes, random_state):
    X, y = diabetes
    _, _, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=random_state)
    report = evaluate_regressor(Ridge(), X, y, random_state=random_state)
    expected = expected_scores(y_test, np.full(len(y_test), y_train.mean()))
    assert report.baseline["r2"] != 0.0, (
        "a baseline scoring R2 exactly 0 on the test rows was fitted on the test rows: "
        "fit the DummyRegressor on the training rows, like the model"
    )
    assert report.baseline == pytest.approx(expected), (
        "the baseline is DummyRegressor(strategy='mean') fitted on the training rows, scored on the test rows"
    )


def test_test_size_is_passed_on(diabetes):
    X, y = diabetes
    report = evaluate_regressor(Ridge(), X, y, test_size=0.5)
    assert (report.n_train, report.n_test) == (221, 221)


def test_the_callers_model_is_not_fitted(diabetes):
    X, y = diabetes
    model = Ridge(alpha=1.0)
    evaluate_regressor(model, X, y)
    assert not hasattr(model, "coef_"), (
        "the caller's model was fitted: fit a copy, sklearn.base.clone(model), and leave theirs alone"
    )


@pytest.mark.parametrize(
    ("model", "beats"),
    [
        (LinearRegression(), True),
        (DummyRegressor(strategy="mean"), False),
        (DummyRegressor(strategy="constant", constant=0.0), False),
    ],
    ids=["a-real-model", "a-tie-with-the-baseline", "worse-than-the-baseline"],
)
def test_beats_baseline_needs_a_strictly_lower_rmse(diabetes, model, beats):
    X, y = diabetes
    report = evaluate_regressor(model, X, y)
    assert report.beats_baseline is beats, (
        "beats_baseline is True only if the model's RMSE is strictly below the baseline's: "
        "a tie means the model learnt nothing"
    )
