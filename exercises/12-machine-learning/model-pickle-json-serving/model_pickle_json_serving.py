"""Ship a trained model: save it, load it back, and serve JSON predictions.

Training happens once; serving happens in another process, maybe weeks later.
So we save a *bundle*: the fitted pipeline plus what the server needs to
answer without the training data, and the library version it was made with.

1. save_bundle(model, path) pickles this dict to path (creating missing
   parent folders) and returns path:
       {"model": <the fitted pipeline>,
        "target_names": ["setosa", "versicolor", "virginica"],
        "feature_names": ["sepal length (cm)", ...],          # 4 names
        "sklearn_version": sklearn.__version__}
2. load_bundle(path) unpickles it. A file that is not such a dict raises
   ValueError("not a model bundle"); a bundle saved with another scikit-learn
   version raises ValueError("model was saved with scikit-learn 1.0.2, this is 1.5.1")
   (models are not guaranteed to work across versions, not even patch
   releases: compare the whole version string). Never unpickle files
   from strangers: loading a pickle can run any code.
3. handle_predict(bundle, body) answers one HTTP request body (bytes or str)
   with (status, JSON text):
       >>> handle_predict(bundle, b'{"features": [5.1, 3.5, 1.4, 0.2]}')
       (200, '{"class": "setosa", "probability": 0.9847}')
   "probability" is the predicted class's probability, rounded to 4 places;
   "class" is the name of the label the model predicts (model.classes_ holds
   the labels, in the order of predict_proba's columns).
   Bad requests get status 400 and {"error": message}:
       not JSON at all (or bytes that are not UTF-8) -> "body is not valid JSON"
       not an object with a list "features" -> "body must be a JSON object with a 'features' list"
       wrong number of values         -> "expected 4 features, got 3"
       a value that is not a finite number (text, true, NaN, 1e999, or an
       integer too large for a float) -> "features must be finite numbers"
   Whatever the client sends, the answer is (status, JSON): never an exception.
   But a failure of the model itself is not the client's fault: let it raise (the
   web framework answers 500 and logs it); catch only what a bad request causes.
"""
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


def train_iris_pipeline() -> Pipeline:
    """Done for you: the model we want to deploy."""
    X, y = load_iris(return_X_y=True)
    return make_pipeline(StandardScaler(), LogisticRegression()).fit(X, y)


def save_bundle(model: Pipeline, path: Path) -> Path:
    # TODO: build the bundle dict and pickle it (open the file in "wb" mode).
    raise NotImplementedError


def load_bundle(path: Path) -> dict[str, Any]:
    # TODO: unpickle, check it is a bundle, check the scikit-learn version.
    raise NotImplementedError


def handle_predict(bundle: dict[str, Any], body: bytes | str) -> tuple[int, str]:
    # TODO: parse and validate the JSON, predict, answer with JSON.
    raise NotImplementedError
