"""Train, evaluate and store the tumour classifier: the pieces of tumourclf in order."""
from pathlib import Path

from tumourclf.data import load_split
from tumourclf.pipeline import DEFAULT_GRID
from tumourclf.report import metrics_report
from tumourclf.store import save_model
from tumourclf.tuning import tune


def train_and_save(model_path, param_grid: dict | None = None, random_state: int = 0) -> dict:
    if param_grid is None:
        param_grid = DEFAULT_GRID
    split = load_split(random_state=random_state)
    search = tune(split.X_train, split.y_train, param_grid, random_state=random_state)
    model = search.best_estimator_
    save_model(model, Path(model_path))
    return {
        "best_params": search.best_params_,
        "cv_roc_auc": float(search.best_score_),
        "test": metrics_report(model, split.X_test, split.y_test),
    }
