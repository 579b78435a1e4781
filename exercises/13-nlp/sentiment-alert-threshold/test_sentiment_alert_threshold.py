from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

import sentiment_alert_threshold as module
from sentiment_alert_threshold import (
    alert_quality,
    build_alerter,
    choose_threshold,
    load_reviews,
    negative_scores,
)

REVIEWS = Path(module.__file__).with_name("alert_reviews.tsv")


class FixedModel:
    """Answers predict_proba like a fitted classifier whose classes_ are given."""

    def __init__(self, classes, rows):
        self.classes_ = np.array(classes)
        self.rows = np.array(rows)

    def predict_proba(self, texts):
        return self.rows[: len(texts)]


@pytest.mark.parametrize(
    ("classes", "rows", "expected"),
    [
        (["neg", "pos"], [[0.8, 0.2], [0.3, 0.7]], [0.8, 0.3]),
        (["pos", "neg"], [[0.8, 0.2], [0.3, 0.7]], [0.2, 0.7]),
        (["angry", "neg", "pos"], [[0.5, 0.1, 0.4], [0.2, 0.6, 0.2]], [0.1, 0.6]),
    ],
    ids=["neg-first", "neg-second", "three-classes"],
)
def test_negative_scores_reads_the_column_of_neg(classes, rows, expected):
    scores = negative_scores(FixedModel(classes, rows), ["a", "b"])
    assert scores == pytest.approx(expected), (
        "predict_proba's columns follow model.classes_: look up the index of 'neg' there"
    )
    assert all(type(score) is float for score in scores)


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [(0.6, (0.5, 0.5, 2)), (0.9, (1.0, 0.5, 1)), (0.4, (2 / 3, 1.0, 3)), (0.95, (0.0, 0.0, 0))],
    ids=["documented-example", "score-equal-to-threshold-alerts", "everything", "nothing-alerted"],
)
def test_alert_quality_alerts_at_or_above_the_threshold(threshold, expected):
    assert alert_quality([0.9, 0.6, 0.4], ["neg", "pos", "neg"], threshold) == pytest.approx(expected)


def test_alert_quality_without_negative_texts_has_zero_recall():
    assert alert_quality([0.9], ["pos"], 0.5) == (0.0, 0.0, 1)


SCORES = [0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.3, 0.2]
LABELS = ["neg", "neg", "pos", "neg", "neg", "pos", "neg", "pos"]


@pytest.mark.parametrize(
    ("min_precision", "expected"),
    [(1.0, 0.9), (0.75, 0.6), (0.6, 0.3), (0.5, 0.3)],
    ids=["perfect-precision", "three-quarters", "sixty-percent", "half"],
)
def test_choose_threshold_maximises_recall_at_the_required_precision(min_precision, expected):
    # threshold: precision, recall   0.95: 1, .2   0.9: 1, .4   0.8: .67, .4   0.7: .75, .6
    # 0.6: .8, .8   0.5: .67, .8   0.3: .71, 1   0.2: .625, 1
    assert choose_threshold(SCORES, LABELS, min_precision) == expected, (
        "the highest recall among thresholds with enough precision; of equal recall, the highest"
    )


def test_choose_threshold_prefers_the_higher_threshold_on_equal_recall():
    assert choose_threshold([0.9, 0.5, 0.4], ["neg", "pos", "pos"], 0.3) == 0.9, (
        "0.9, 0.5 and 0.4 all catch the one negative: the highest raises fewer false alarms"
    )


def test_choose_threshold_refuses_an_impossible_precision():
    with pytest.raises(ValueError, match="no threshold reaches"):
        choose_threshold([0.9, 0.8], ["pos", "pos"], 0.5)


@pytest.fixture(scope="module")
def reviews():
    return load_reviews(REVIEWS)


def expected_alerter(texts, labels, min_precision, seed):
    rest_x, test_x, rest_y, test_y = train_test_split(
        texts, labels, test_size=0.25, random_state=seed, stratify=labels
    )
    train_x, val_x, train_y, val_y = train_test_split(
        rest_x, rest_y, test_size=0.25, random_state=seed, stratify=rest_y
    )
    model = make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000)).fit(train_x, train_y)
    neg = list(model.classes_).index("neg")
    val_scores = model.predict_proba(val_x)[:, neg]
    test_scores = model.predict_proba(test_x)[:, neg]
    return val_scores, val_y, test_scores, test_y


@pytest.mark.parametrize(("min_precision", "seed"), [(0.9, 0), (0.8, 3)], ids=["defaults", "other-seed"])
def test_build_alerter_chooses_on_validation_and_measures_on_test(reviews, min_precision, seed):
    texts, labels = reviews
    val_scores, val_y, test_scores, test_y = expected_alerter(texts, labels, min_precision, seed)
    expected = choose_threshold(list(val_scores), val_y, min_precision)
    if seed == 0:
        model, threshold, quality = build_alerter(texts, labels)
    else:
        model, threshold, quality = build_alerter(texts, labels, min_precision, seed)
    assert threshold == pytest.approx(expected), (
        "split as documented (test first, then val out of the rest, both stratified, "
        "random_state=seed) and choose the threshold on val: chosen on the test part, the "
        "measured precision is tuned to the answer sheet"
    )
    assert quality == pytest.approx(alert_quality(list(test_scores), test_y, expected))
    assert quality[2] <= 20, "measure on the test part (20 reviews) only"


def test_build_alerter_reaches_the_promised_precision_on_test(reviews):
    _, _, (precision, recall, alerts) = build_alerter(*reviews)
    assert precision >= 0.9 and recall >= 0.8 and alerts == 10


def test_build_alerter_returns_the_documented_pipeline(reviews):
    model, _, _ = build_alerter(*reviews)
    assert isinstance(model[0], TfidfVectorizer) and isinstance(model[-1], LogisticRegression)
    assert model[-1].max_iter == 1000
    assert list(model.classes_) == ["neg", "pos"]


def test_load_reviews_keeps_tabs_inside_the_text(tmp_path):
    path = tmp_path / "mini.tsv"
    path.write_text("neg\tbad\tvery bad\n\npos\tfine\n", encoding="utf-8")
    assert load_reviews(path) == (["bad\tvery bad", "fine"], ["neg", "pos"])
