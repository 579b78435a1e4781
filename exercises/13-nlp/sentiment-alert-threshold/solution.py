"""Alert on negative reviews: a probability threshold chosen on validation data."""
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
    column = list(model.classes_).index("neg")
    return [float(row[column]) for row in model.predict_proba(texts)]


def alert_quality(scores: list[float], labels: list[str], threshold: float) -> tuple[float, float, int]:
    alerts = [label for score, label in zip(scores, labels) if score >= threshold]
    hits = alerts.count("neg")
    negatives = labels.count("neg")
    precision = hits / len(alerts) if alerts else 0.0
    recall = hits / negatives if negatives else 0.0
    return precision, recall, len(alerts)


def choose_threshold(scores: list[float], labels: list[str], min_precision: float) -> float:
    best = None
    for threshold in sorted(set(scores)):
        precision, recall, _ = alert_quality(scores, labels, threshold)
        if precision >= min_precision and (best is None or recall >= best[1]):
            best = (threshold, recall)
    if best is None:
        raise ValueError(f"no threshold reaches a precision of {min_precision}")
    return best[0]


def build_alerter(
    texts: list[str], labels: list[str], min_precision: float = 0.9, seed: int = 0
) -> tuple[Pipeline, float, tuple[float, float, int]]:
    rest_x, test_x, rest_y, test_y = train_test_split(
        texts, labels, test_size=0.25, random_state=seed, stratify=labels
    )
    train_x, val_x, train_y, val_y = train_test_split(
        rest_x, rest_y, test_size=0.25, random_state=seed, stratify=rest_y
    )
    model = make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000)).fit(train_x, train_y)
    threshold = choose_threshold(negative_scores(model, val_x), val_y, min_precision)
    return model, threshold, alert_quality(negative_scores(model, test_x), test_y, threshold)
