"""Rare positives: judge a classifier by precision, recall, F1 and ROC AUC, then pick a threshold.

When 5% of transactions are fraud, a "model" that answers "not fraud" every
time is 95% accurate and catches nothing. For rare positives, look at:
    precision  of the rows flagged positive, the share that really are
    recall     of the real positives, the share that were flagged
    f1         the harmonic mean of the two
    roc_auc    how well the SCORES rank positives above negatives, over every
               threshold at once (computed from the scores, never from 0/1
               predictions)
Three levers help: a stratified split (the test part keeps the 5%),
class_weight="balanced" (mistakes on the rare class cost more in training),
and a decision threshold chosen for the recall the business needs instead of
predict()'s fixed 0.5.

1. scores_at_threshold(y_true, scores, threshold=0.5) -> dict of floats with
   "accuracy", "precision", "recall", "f1" (for the predictions
   score >= threshold: a score equal to the threshold counts as positive;
   precision_score needs zero_division=0 so that "no positive predicted"
   scores 0 instead of warning)
   and "roc_auc" (from the scores):
       >>> scores_at_threshold([0, 0, 0, 0, 0, 0, 1, 1, 1, 1],
       ...                     [.1, .2, .3, .4, .6, .7, .5, .8, .9, .35])
       {'accuracy': 0.7, 'precision': 0.6, 'recall': 0.75, 'f1': 0.6666666666666666, 'roc_auc': 0.7916666666666666}
   Lengths that differ raise ValueError("10 labels but 9 scores"); y_true
   without both classes raises ValueError("y_true must contain both classes").

2. threshold_for_recall(y_true, scores, min_recall) returns the HIGHEST
   threshold (one of the scores) whose recall is at least min_recall: the
   fewest false alarms that still catch enough positives. On the example
   above, min_recall=0.75 gives 0.5 and min_recall=1.0 gives 0.35.
   sklearn.metrics.precision_recall_curve(y_true, scores) returns
   (precision, recall, thresholds); recall[i] belongs to thresholds[i] (recall
   has one extra value at the end). min_recall outside (0, 1] raises
   ValueError("min_recall must be in (0, 1], got 0").

3. train_rare_event_model(X, y, class_weight=None, random_state=0) splits
   with train_test_split(X, y, test_size=0.25, stratify=y,
   random_state=random_state), fits make_pipeline(StandardScaler(),
   LogisticRegression(class_weight=class_weight)) on the
   training part, and returns (model, X_test, y_test).
"""
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
    # TODO: check the inputs, predict score >= threshold, compute the five numbers.
    raise NotImplementedError


def threshold_for_recall(y_true, scores, min_recall: float) -> float:
    # TODO: precision_recall_curve, keep the thresholds with enough recall, take the highest.
    raise NotImplementedError


def train_rare_event_model(X, y, class_weight=None, random_state: int = 0):
    # TODO: stratified split, fit the pipeline on the training part.
    raise NotImplementedError
