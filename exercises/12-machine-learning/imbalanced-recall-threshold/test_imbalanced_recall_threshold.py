import warnings

import numpy as np
import pytest
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from imbalanced_recall_threshold import scores_at_threshold, threshold_for_recall, train_rare_event_model

Y = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]
SCORES = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.5, 0.8, 0.9, 0.35]


@pytest.fixture(scope="module")
def rare_events():
    """1000 rows, 50 of them positive (5%)."""
    return make_classification(
        n_samples=1000, n_features=6, n_informative=3, n_redundant=1,
        weights=[0.95], flip_y=0, class_sep=1.5, random_state=0,
    )


def reference_split(X, y, random_state):
    return train_test_split(X, y, test_size=0.25, stratify=y, random_state=random_state)


def test_the_documented_example():
    assert scores_at_threshold(Y, SCORES) == pytest.approx(
        {"accuracy": 0.7, "precision": 0.6, "recall": 0.75, "f1": 2 / 3, "roc_auc": 0.7916666666666666}
    ), "predict score >= 0.5 for the four counting metrics; roc_auc_score takes the scores themselves"


def test_a_score_equal_to_the_threshold_counts_as_positive():
    report = scores_at_threshold(Y, SCORES, threshold=0.5)
    assert report["recall"] == pytest.approx(0.75), (
        "the positive with score 0.5 must be flagged at threshold 0.5: predict score >= threshold"
    )


def test_roc_auc_comes_from_the_scores_not_the_predictions():
    report = scores_at_threshold(Y, SCORES, threshold=0.5)
    assert report["roc_auc"] == pytest.approx(0.7916666666666666), (
        "roc_auc_score(y_true, scores): from 0/1 predictions it would be 0.708, and it would change "
        "with the threshold, which ROC AUC by definition does not"
    )
    assert scores_at_threshold(Y, SCORES, threshold=0.85)["roc_auc"] == pytest.approx(0.7916666666666666)


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [
        (0.85, {"accuracy": 0.7, "precision": 1.0, "recall": 0.25, "f1": 0.4}),
        (0.3, {"accuracy": 0.6, "precision": 0.5, "recall": 1.0, "f1": 2 / 3}),
    ],
    ids=["strict-threshold", "lenient-threshold"],
)
def test_the_threshold_trades_precision_for_recall(threshold, expected):
    report = scores_at_threshold(Y, SCORES, threshold=threshold)
    assert {name: report[name] for name in expected} == pytest.approx(expected)


def test_an_always_negative_model_is_accurate_and_useless():
    y = [0] * 95 + [1] * 5
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "precision is ill-defined" must not be raised: zero_division=0
        report = scores_at_threshold(y, [0.1] * 100)
    assert report == pytest.approx({"accuracy": 0.95, "precision": 0.0, "recall": 0.0, "f1": 0.0, "roc_auc": 0.5}), (
        "95% accuracy and not one positive caught: on rare positives, look at recall and precision"
    )
    assert all(isinstance(value, float) for value in report.values())


@pytest.mark.parametrize(
    ("y_true", "scores", "message"),
    [
        (Y, SCORES[:9], "10 labels but 9 scores"),
        ([0, 0, 0], [0.1, 0.2, 0.3], "y_true must contain both classes"),
        ([1, 1], [0.1, 0.9], "y_true must contain both classes"),
    ],
    ids=["lengths-differ", "only-negatives", "only-positives"],
)
def test_what_cannot_be_scored_is_refused(y_true, scores, message):
    with pytest.raises(ValueError, match=message):
        scores_at_threshold(y_true, scores)


@pytest.mark.parametrize(
    ("min_recall", "expected"),
    [(0.75, 0.5), (1.0, 0.35), (0.5, 0.8), (0.25, 0.9), (0.6, 0.5)],
    ids=["three-of-four", "every-positive", "half", "one-of-four", "between-steps"],
)
def test_threshold_for_recall_on_the_example(min_recall, expected):
    assert threshold_for_recall(Y, SCORES, min_recall) == pytest.approx(expected), (
        "the HIGHEST threshold whose recall is still at least min_recall"
    )


@pytest.mark.parametrize("min_recall", [0.0, -0.5, 1.01], ids=["zero", "negative", "above-one"])
def test_threshold_for_recall_refuses_an_impossible_recall(min_recall):
    with pytest.raises(ValueError, match=r"min_recall must be in \(0, 1\], got "):
        threshold_for_recall(Y, SCORES, min_recall)


def test_the_split_is_stratified_and_the_model_fitted_on_the_training_part(rare_events):
    X, y = rare_events
    model, X_test, y_test = train_rare_event_model(X, y)
    X_train, expected_X_test, y_train, expected_y_test = reference_split(X, y, 0)
    assert len(y_test) == 250 and int(y_test.sum()) == 12, (
        "stratify=y keeps the 5% of positives in the test part (12 of 250); unstratified it holds 14"
    )
    assert np.array_equal(X_test, expected_X_test)
    reference = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)
    assert model.predict_proba(X_test) == pytest.approx(reference.predict_proba(X_test)), (
        "fit make_pipeline(StandardScaler(), LogisticRegression(class_weight=None by default)) "
        "on the training part only"
    )


def test_random_state_is_passed_to_the_split(rare_events):
    X, y = rare_events
    _, X_test, _ = train_rare_event_model(X, y, random_state=1)
    assert np.array_equal(X_test, reference_split(X, y, 1)[1])


def test_balanced_class_weight_catches_more_positives(rare_events):
    X, y = rare_events
    plain, X_test, y_test = train_rare_event_model(X, y)
    balanced, _, _ = train_rare_event_model(X, y, class_weight="balanced")
    plain_report = scores_at_threshold(y_test, plain.predict_proba(X_test)[:, 1])
    balanced_report = scores_at_threshold(y_test, balanced.predict_proba(X_test)[:, 1])
    assert (plain_report["recall"], balanced_report["recall"]) == pytest.approx((5 / 12, 10 / 12)), (
        "class_weight='balanced' catches 10 of the 12 positives at threshold 0.5, the plain model 5: "
        "pass class_weight on to LogisticRegression"
    )
    assert plain_report["accuracy"] > balanced_report["accuracy"], (
        "and yet accuracy prefers the plain model: that is why accuracy is the wrong yardstick here"
    )


def test_a_threshold_chosen_on_the_scores_reaches_the_recall_asked_for(rare_events):
    X, y = rare_events
    model, X_test, y_test = train_rare_event_model(X, y)
    scores = model.predict_proba(X_test)[:, 1]
    threshold = threshold_for_recall(y_test, scores, 0.9)
    assert threshold in set(scores.tolist()), "the threshold is one of the scores"
    assert scores_at_threshold(y_test, scores, threshold)["recall"] >= 0.9
    higher = scores[scores > threshold].min()
    assert scores_at_threshold(y_test, scores, higher)["recall"] < 0.9, (
        "any higher threshold would miss too many positives: it is the highest one with enough recall"
    )
