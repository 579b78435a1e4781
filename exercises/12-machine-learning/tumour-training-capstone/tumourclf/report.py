"""The report: what the chosen model does on rows it has never seen.

metrics_report(model, X_test, y_test, threshold=0.5) -> dict
    probability = model.predict_proba(X_test)[:, 1]   (P(malignant))
    predicted   = 1 where probability >= threshold, else 0
    {"n_test": number of rows, "positives": number of malignant rows (int),
     "accuracy", "precision", "recall", "f1": of predicted against y_test,
     "roc_auc": of the PROBABILITIES against y_test}
    every metric a float; precision_score with zero_division=0 (a model that
    flags nothing has precision 0, not a warning).
"""
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score, roc_auc_score


def metrics_report(model, X_test, y_test, threshold: float = 0.5) -> dict:
    # TODO: probabilities, predictions at the threshold, the seven entries.
    raise NotImplementedError
