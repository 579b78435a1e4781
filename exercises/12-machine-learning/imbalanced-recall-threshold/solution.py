"""Rare positives: judge a classifier by precision, recall, F1 and ROC AUC, then pick a threshold."""
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    f1_score,
    precision_recall_curve,
    precision_score,
    recall_score,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler


def scores_at_threshold(y_true, scores, threshold: float = 0.5) -> dict[str, float]:
    y_true, scores = np.asarray(y_true), np.asarray(scores)
    if len(y_true) != len(scores):
        raise ValueError(f"{len(y_true)} labels but {len(scores)} scores")
    if len(np.unique(y_true)) != 2:
        raise ValueError("y_true must contain both classes")
    predicted = (scores >= threshold).astype(int)
    return {
        "accuracy": float(accuracy_score(y_true, predicted)),
        "precision": float(precision_score(y_true, predicted, zero_division=0)),
        "recall": float(recall_score(y_true, predicted)),
        "f1": float(f1_score(y_true, predicted)),
        "roc_auc": float(roc_auc_score(y_true, scores)),
    }


def threshold_for_recall(y_true, scores, min_recall: float) -> float:
    if not 0 < min_recall <= 1:
        raise ValueError(f"min_recall must be in (0, 1], got {min_recall}")
    _, recall, thresholds = precision_recall_curve(y_true, scores)
    return float(thresholds[recall[:-1] >= min_recall].max())


def train_rare_event_model(X, y, class_weight=None, random_state: int = 0):
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=random_state
    )
    model: Pipeline = make_pipeline(
        StandardScaler(), LogisticRegression(class_weight=class_weight)
    )
    model.fit(X_train, y_train)
    return model, X_test, y_test
