import json
import pickle
import re

import pytest
import sklearn
import sklearn.datasets
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import model_pickle_json_serving
from model_pickle_json_serving import handle_predict, load_bundle, save_bundle, train_iris_pipeline

SETOSA = [5.1, 3.5, 1.4, 0.2]
VERSICOLOR = [5.9, 2.8, 4.3, 1.3]
VIRGINICA = [6.6, 3.0, 5.6, 2.1]


@pytest.fixture(scope="module")
def model():
    return train_iris_pipeline()


@pytest.fixture
def bundle(model, tmp_path):
    """A bundle that went through the disk: saved, then loaded back."""
    return load_bundle(save_bundle(model, tmp_path / "iris.pkl"))


def ask(bundle, payload) -> tuple[int, dict]:
    body = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
    status, text = handle_predict(bundle, body)
    assert isinstance(text, str), "handle_predict returns the JSON as text (json.dumps)"
    return status, json.loads(text)


def test_save_bundle_writes_a_pickled_dict_with_what_the_server_needs(model, tmp_path):
    path = save_bundle(model, tmp_path / "models" / "iris" / "v1.pkl")
    assert path == tmp_path / "models" / "iris" / "v1.pkl" and path.is_file(), (
        "create the missing folders, models/ and models/iris/, and return the path"
    )
    with path.open("rb") as file:
        saved = pickle.load(file)
    assert set(saved) == {"model", "target_names", "feature_names", "sklearn_version"}
    assert saved["target_names"] == ["setosa", "versicolor", "virginica"]
    assert saved["feature_names"] == list(load_iris().feature_names)
    assert saved["sklearn_version"] == sklearn.__version__


def test_a_reloaded_model_predicts_exactly_like_the_original(model, bundle):
    X = load_iris().data
    assert (bundle["model"].predict(X) == model.predict(X)).all()
    assert bundle["model"] is not model, "load_bundle should read the file, not hand back the same object"


MAJOR, MINOR, *_ = sklearn.__version__.split(".")


@pytest.mark.parametrize(
    "saved_with",
    ["0.24.2", f"{MAJOR}.{MINOR}.99", sklearn.__version__ + "0"],
    ids=["an-old-release", "another-patch-release", "a-version-that-starts-the-same"],
)
def test_load_bundle_refuses_a_model_from_another_scikit_learn_version(model, tmp_path, saved_with):
    path = tmp_path / "old.pkl"
    old = {"model": model, "target_names": ["a", "b", "c"], "feature_names": ["w", "x", "y", "z"],
           "sklearn_version": saved_with}
    path.write_bytes(pickle.dumps(old))
    message = f"saved with scikit-learn {saved_with}, this is {sklearn.__version__}"
    with pytest.raises(ValueError, match=re.escape(message)):
        load_bundle(path)


@pytest.mark.parametrize(
    "content",
    [["not", "a", "dict"], {"model": None}, "just text"],
    ids=["a-list", "keys-missing", "a-string"],
)
def test_load_bundle_refuses_a_pickle_that_is_not_a_bundle(tmp_path, content):
    path = tmp_path / "other.pkl"
    path.write_bytes(pickle.dumps(content))
    with pytest.raises(ValueError, match="not a model bundle"):
        load_bundle(path)


@pytest.mark.parametrize(
    ("features", "species"),
    [(SETOSA, "setosa"), (VERSICOLOR, "versicolor"), (VIRGINICA, "virginica")],
    ids=["setosa", "versicolor", "virginica"],
)
def test_predict_answers_200_with_the_class_name(bundle, features, species):
    status, answer = ask(bundle, {"features": features})
    assert status == 200
    assert answer["class"] == species


def test_predict_reports_the_probability_of_the_predicted_class(bundle):
    status, answer = ask(bundle, {"features": VERSICOLOR})
    expected = bundle["model"].predict_proba([VERSICOLOR])[0].max()
    assert answer == {"class": "versicolor", "probability": round(float(expected), 4)}


def test_predict_accepts_bytes_integers_and_extra_keys(bundle):
    status, answer = ask(bundle, b'{"features": [5, 3, 1, 0], "request_id": "r-\xc3\xa9"}')
    assert (status, answer["class"]) == (200, "setosa")


def test_the_class_name_comes_from_the_models_own_labels():
    iris = load_iris()
    keep = iris.target > 0  # a model that only knows versicolor (1) and virginica (2)
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(iris.data[keep], iris.target[keep])
    bundle = {"model": model, "target_names": ["setosa", "versicolor", "virginica"],
              "feature_names": list(iris.feature_names), "sklearn_version": sklearn.__version__}

    status, answer = ask(bundle, {"features": VIRGINICA})

    assert (status, answer["class"]) == (200, "virginica"), (
        "predict_proba's column i is the label model.classes_[i] (here [1, 2]), not label i: "
        "look the name up with target_names[model.classes_[best]]"
    )


class BrokenModel:
    classes_ = [0, 1, 2]

    def predict_proba(self, rows):
        raise RuntimeError("the model file is corrupt")


def test_a_failing_model_is_not_blamed_on_the_request(bundle):
    broken = {**bundle, "model": BrokenModel()}
    with pytest.raises(RuntimeError, match="corrupt"):
        handle_predict(broken, b'{"features": [5.1, 3.5, 1.4, 0.2]}')
    # Catch only what a bad request causes; a broad `except Exception` would answer this
    # server-side failure with a 400 and hide it from the logs.


def test_serving_needs_no_training_data(bundle, monkeypatch):
    def no_data(*args, **kwargs):
        raise AssertionError("the server must use the bundle's target_names, not load the data set")

    monkeypatch.setattr(sklearn.datasets, "load_iris", no_data)
    monkeypatch.setattr(model_pickle_json_serving, "load_iris", no_data)
    status, _ = ask(bundle, {"features": SETOSA})
    assert status == 200


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "body is not valid JSON"),
        ("{features: [1, 2, 3, 4]}", "body is not valid JSON"),
        ("[5.1, 3.5, 1.4, 0.2]", "body must be a JSON object with a 'features' list"),
        ('{"feature": [5.1, 3.5, 1.4, 0.2]}', "body must be a JSON object with a 'features' list"),
        ('{"features": "5.1, 3.5, 1.4, 0.2"}', "body must be a JSON object with a 'features' list"),
        ('{"features": [5.1, 3.5, 1.4]}', "expected 4 features, got 3"),
        ('{"features": []}', "expected 4 features, got 0"),
        ('{"features": ["5.1", 3.5, 1.4, 0.2]}', "features must be finite numbers"),
        ('{"features": [true, 3.5, 1.4, 0.2]}', "features must be finite numbers"),
        ('{"features": [NaN, 3.5, 1.4, 0.2]}', "features must be finite numbers"),
        ('{"features": [null, 3.5, 1.4, 0.2]}', "features must be finite numbers"),
        ('{"features": [1e999, 3.5, 1.4, 0.2]}', "features must be finite numbers"),
        ('{"features": [1' + "0" * 400 + ', 3.5, 1.4, 0.2]}', "features must be finite numbers"),
        (b'{"features": [5.1, 3.5, 1.4, 0.2], "note": "\xff"}', "body is not valid JSON"),
    ],
    ids=[
        "empty-body", "not-json", "a-list-not-an-object", "misspelt-key", "features-as-text",
        "too-few", "none-at-all", "number-as-text", "a-boolean", "nan", "null",
        "infinity", "an-integer-too-large-for-a-float", "bytes-that-are-not-utf-8",
    ],
)
def test_predict_answers_400_with_a_helpful_error(bundle, body, message):
    status, answer = ask(bundle, body)
    assert (status, answer) == (400, {"error": message})
