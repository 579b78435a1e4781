"""Ship a trained model: save it, load it back, and serve JSON predictions."""
import json
import math
import pickle
from pathlib import Path
from typing import Any

import sklearn
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

BUNDLE_KEYS = {"model", "target_names", "feature_names", "sklearn_version"}


def train_iris_pipeline() -> Pipeline:
    """Done for you: the model we want to deploy."""
    X, y = load_iris(return_X_y=True)
    return make_pipeline(StandardScaler(), LogisticRegression()).fit(X, y)


def save_bundle(model: Pipeline, path: Path) -> Path:
    iris = load_iris()
    bundle = {
        "model": model,
        "target_names": [str(name) for name in iris.target_names],
        "feature_names": list(iris.feature_names),
        "sklearn_version": sklearn.__version__,
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        pickle.dump(bundle, file)
    return path


def load_bundle(path: Path) -> dict[str, Any]:
    with Path(path).open("rb") as file:
        bundle = pickle.load(file)
    if not isinstance(bundle, dict) or not BUNDLE_KEYS <= bundle.keys():
        raise ValueError("not a model bundle")
    if bundle["sklearn_version"] != sklearn.__version__:
        raise ValueError(
            f"model was saved with scikit-learn {bundle['sklearn_version']}, "
            f"this is {sklearn.__version__}"
        )
    return bundle


def _is_finite_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False


def _answer(status: int, payload: dict[str, Any]) -> tuple[int, str]:
    return status, json.dumps(payload)


def handle_predict(bundle: dict[str, Any], body: bytes | str) -> tuple[int, str]:
    try:
        request = json.loads(body)
    except ValueError:
        return _answer(400, {"error": "body is not valid JSON"})
    if not isinstance(request, dict) or not isinstance(request.get("features"), list):
        return _answer(400, {"error": "body must be a JSON object with a 'features' list"})
    features = request["features"]
    expected = len(bundle["feature_names"])
    if len(features) != expected:
        return _answer(400, {"error": f"expected {expected} features, got {len(features)}"})
    if not all(_is_finite_number(value) for value in features):
        return _answer(400, {"error": "features must be finite numbers"})

    model = bundle["model"]
    probabilities = model.predict_proba([features])[0]
    best = int(probabilities.argmax())
    label = model.classes_[best]
    return _answer(
        200,
        {"class": bundle["target_names"][label], "probability": round(float(probabilities[best]), 4)},
    )
