"""The report: what the chosen model does on rows it has never seen."""
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score, roc_auc_score


def metrics_report(model, X_test, y_test, threshold: float = 0.5) -> dict:
    probability = model.predict_proba(X_test)[:, 1]
    predicted = (probability >= threshold).astype(int)
    return {
        "n_test": len(y_test),
        "positives": int(sum(y_test)),
        "accuracy": float(accuracy_score(y_test, predicted)),
        "precision": float(precision_score(y_test, predicted, zero_division=0)),
        "recall": float(recall_score(y_test, predicted)),
        "f1": float(f1_score(y_test, predicted)),
        "roc_auc": float(roc_auc_score(y_test, probability)),
    }
