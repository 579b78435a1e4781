"""Alert a support team about negative reviews, with a precision it can trust.

A classifier's predict() cuts at probability 0.5; a team that wants few false
alarms picks its own cut-off, the threshold, on data the model was not
trained on, then measures the result once on data used for nothing else.

negative_scores(model, texts) -> list of floats: each text's probability of
    "neg" from model.predict_proba(texts). predict_proba's columns follow
    model.classes_ (sorted labels), so find the column of "neg" in
    model.classes_; never assume it is column 1.

alert_quality(scores, labels, threshold) -> (precision, recall, alerts):
    a text is alerted when its score >= threshold; precision = alerted "neg"
    texts / alerts (0.0 with no alert), recall = alerted "neg" texts / all
    "neg" texts (0.0 with none).
        alert_quality([0.9, 0.6, 0.4], ["neg", "pos", "neg"], 0.6) == (0.5, 0.5, 2)

choose_threshold(scores, labels, min_precision) -> float: among the scores
    themselves as candidate thresholds, those whose precision >=
    min_precision; of these, the one with the highest recall, and of equal
    recall the HIGHEST threshold (same catches, fewer false alarms). None
    qualifies: ValueError("no threshold reaches ...").

build_alerter(texts, labels, min_precision=0.9, seed=0)
        -> (model, threshold, alert_quality on the test part)
    Split twice, each stratified, with random_state=seed:
        rest, test  = train_test_split(texts, labels, test_size=0.25, ...)
        train, val  = train_test_split(rest texts, rest labels, test_size=0.25, ...)
    Fit make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000))
    on train; choose the threshold on val; measure it on test. Choosing the
    threshold on the test part makes the measured precision a promise you
    tuned to the answer sheet.

load_reviews(path) reads alert_reviews.tsv (label TAB text lines); done.
"""
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline


def load_reviews(path: Path) -> tuple[list[str], list[str]]:
    """The texts and labels of a file of `label<TAB>text` lines."""
    texts, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            label, text = line.split("\t", 1)
            labels.append(label)
            texts.append(text)
    return texts, labels


def negative_scores(model, texts: list[str]) -> list[float]:
    # TODO: the predict_proba column of "neg", found through model.classes_.
    raise NotImplementedError


def alert_quality(scores: list[float], labels: list[str], threshold: float) -> tuple[float, float, int]:
    # TODO: precision, recall and number of alerts at this threshold (score >= threshold).
    raise NotImplementedError


def choose_threshold(scores: list[float], labels: list[str], min_precision: float) -> float:
    # TODO: highest recall with precision >= min_precision; highest threshold on a tie.
    raise NotImplementedError


def build_alerter(
    texts: list[str], labels: list[str], min_precision: float = 0.9, seed: int = 0
) -> tuple[Pipeline, float, tuple[float, float, int]]:
    # TODO: train / validation / test; fit on train, choose on validation, measure on test.
    raise NotImplementedError
