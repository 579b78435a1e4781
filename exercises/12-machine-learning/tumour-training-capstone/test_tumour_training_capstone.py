import math
import os
import pickle
import warnings
import zipfile

import numpy as np
import pandas as pd
import pytest
import skops.io as sio
from sklearn.datasets import load_breast_cancer
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

from tumour_training_capstone import train_and_save
from tumourclf.data import FEATURES, Split, load_split
from tumourclf.pipeline import DEFAULT_GRID, make_classifier
from tumourclf.report import metrics_report
from tumourclf.serving import predict_one
from tumourclf.store import UntrustedModelError, load_model, save_model
from tumourclf.tuning import tune

SMALL_GRID = {"model__C": [0.1, 1.0]}


def reference_split(test_size=0.2, random_state=0):
    X, target = load_breast_cancer(return_X_y=True, as_frame=True)
    y = (target == 0).astype(int)
    return train_test_split(X, y, test_size=test_size, stratify=y, random_state=random_state)


def reference_search(X_train, y_train, grid, folds=5, random_state=0):
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=random_state)
    return GridSearchCV(make_classifier(), grid, cv=cv, scoring="roc_auc", n_jobs=1).fit(X_train, y_train)


@pytest.fixture(scope="module")
def split():
    return reference_split()


@pytest.fixture(scope="module")
def fitted(split):
    X_train, _, y_train, _ = split
    return make_classifier().fit(X_train, y_train)


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """train_and_save with its defaults, run once: (summary, model path)."""
    path = tmp_path_factory.mktemp("models") / "v1" / "tumour.skops"
    return train_and_save(path), path


class FixedModel:
    """A stand-in model whose P(malignant) for each row is given."""

    def __init__(self, probabilities):
        self.probabilities = np.asarray(probabilities, dtype=float)

    def predict_proba(self, X):
        p = self.probabilities[: len(X)]
        return np.column_stack([1 - p, p])


# ---- data.py ---------------------------------------------------------------------------------


def test_load_split_gives_named_columns_and_malignant_as_one(split):
    result = load_split()
    assert isinstance(result, Split)
    assert list(result.X_train.columns) == list(FEATURES) and len(FEATURES) == 30
    assert (len(result.X_train), len(result.X_test)) == (455, 114)
    assert int(result.y_train.sum() + result.y_test.sum()) == 212, (
        "y is 1 for MALIGNANT (212 of 569 rows): scikit-learn's target codes malignant as 0, so flip it"
    )
    assert result.y_train.name == "malignant"


@pytest.mark.parametrize("random_state", [0, 4], ids=["default-seed", "seed-4"])
def test_load_split_is_stratified_and_reproducible(random_state):
    kwargs = {} if random_state == 0 else {"random_state": random_state}
    result = load_split(**kwargs)
    X_train, X_test, y_train, y_test = reference_split(random_state=random_state)
    assert list(result.X_test.index) == list(X_test.index), (
        "train_test_split(X, y, test_size=test_size, stratify=y, random_state=random_state)"
    )
    assert int(result.y_test.sum()) == 42, "stratify=y keeps 37% malignant in the test part: 42 of 114"


def test_load_split_passes_test_size_on():
    result = load_split(test_size=0.5)
    assert len(result.X_test) == 285


@pytest.mark.parametrize("test_size", [0, 1, 1.5, -0.2], ids=["zero", "one", "above-one", "negative"])
def test_load_split_refuses_a_test_size_outside_zero_and_one(test_size):
    with pytest.raises(ValueError, match=f"test_size must be between 0 and 1, got {test_size}"):
        load_split(test_size=test_size)


# ---- tuning.py -------------------------------------------------------------------------------


def test_tune_is_a_stratified_roc_auc_grid_search(split):
    X_train, _, y_train, _ = split
    folds, random_state = 4, 2
    search = tune(X_train, y_train, SMALL_GRID, folds=folds, random_state=random_state)
    expected = reference_search(X_train, y_train, SMALL_GRID, folds, random_state)
    assert isinstance(search, GridSearchCV) and search.n_splits_ == folds
    assert search.best_score_ == pytest.approx(expected.best_score_), (
        "GridSearchCV(make_classifier(), grid, cv=StratifiedKFold(n_splits=folds, shuffle=True, "
        "random_state=random_state), scoring='roc_auc'), fitted on the rows it is given"
    )
    assert list(search.cv_results_["mean_test_score"]) == pytest.approx(list(expected.cv_results_["mean_test_score"]))


def test_tune_defaults_to_five_folds_and_seed_zero(split):
    X_train, _, y_train, _ = split
    search = tune(X_train, y_train, {"model__C": [1.0]})
    assert search.n_splits_ == 5
    assert search.best_score_ == pytest.approx(reference_search(X_train, y_train, {"model__C": [1.0]}).best_score_)


def test_tune_works_with_two_folds(split):
    X_train, _, y_train, _ = split
    assert tune(X_train, y_train, {"model__C": [1.0]}, folds=2).n_splits_ == 2, "two folds is the minimum, and allowed"


@pytest.mark.parametrize(
    ("grid", "folds", "message"),
    [({}, 5, "param_grid must not be empty"), (SMALL_GRID, 1, "folds must be at least 2")],
    ids=["empty-grid", "one-fold"],
)
def test_tune_refuses_bad_settings(split, grid, folds, message):
    X_train, _, y_train, _ = split
    with pytest.raises(ValueError, match=message):
        tune(X_train, y_train, grid, folds=folds)


# ---- report.py -------------------------------------------------------------------------------


def test_report_scores_the_model_on_the_rows_given(split, fitted):
    _, X_test, _, y_test = split
    report = metrics_report(fitted, X_test, y_test)
    probability = fitted.predict_proba(X_test)[:, 1]
    predicted = (probability >= 0.5).astype(int)
    assert report == pytest.approx({
        "n_test": 114, "positives": 42,
        "accuracy": accuracy_score(y_test, predicted),
        "precision": precision_score(y_test, predicted),
        "recall": recall_score(y_test, predicted),
        "f1": f1_score(y_test, predicted),
        "roc_auc": roc_auc_score(y_test, probability),
    }), "the counting metrics from probability >= 0.5; roc_auc from the probabilities themselves"
    assert isinstance(report["positives"], int) and isinstance(report["roc_auc"], float)


def test_report_counts_a_probability_equal_to_the_threshold_as_malignant():
    report = metrics_report(FixedModel([0.5, 0.2, 0.9, 0.4]), [[0]] * 4, [1, 0, 1, 1])
    assert (report["precision"], report["recall"]) == pytest.approx((1.0, 2 / 3)), (
        "predicted malignant where probability >= threshold: 0.5 counts at threshold 0.5"
    )
    assert report["roc_auc"] == pytest.approx(1.0), "ROC AUC from the probabilities, not the 0/1 predictions"
    assert metrics_report(FixedModel([0.5, 0.2, 0.9, 0.4]), [[0]] * 4, [1, 0, 1, 1], threshold=0.3)["recall"] == 1.0


def test_report_of_a_model_that_flags_nothing_has_precision_zero():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report = metrics_report(FixedModel([0.1, 0.2, 0.3]), [[0]] * 3, [1, 0, 0])
    assert (report["precision"], report["recall"], report["accuracy"]) == (0.0, 0.0, pytest.approx(2 / 3))


# ---- store.py --------------------------------------------------------------------------------


def test_save_model_writes_a_skops_file_that_loads_back(fitted, split, tmp_path):
    path = save_model(fitted, tmp_path / "models" / "a" / "m.skops")
    assert path == tmp_path / "models" / "a" / "m.skops" and path.is_file(), "create missing folders, return the path"
    assert zipfile.is_zipfile(path), "save with skops.io.dump (a zip of JSON and arrays), not pickle or joblib"
    loaded = load_model(path)
    assert loaded is not fitted
    X_test = split[1]
    assert np.array_equal(loaded.predict_proba(X_test), fitted.predict_proba(X_test))


def test_load_model_refuses_types_nobody_trusted(tmp_path):
    path = tmp_path / "evil.skops"
    sio.dump(Pipeline([("run", FunctionTransformer(os.system))]), path)
    name = f"{os.system.__module__}.system"
    with pytest.raises(UntrustedModelError, match=f"refusing to load evil.skops: untrusted types {name}"):
        load_model(path)
    # Passing the file's own list as `trusted` would load it: that trusts whoever wrote the file.


def test_load_model_loads_only_what_the_caller_trusts(tmp_path):
    path = tmp_path / "custom.skops"
    sio.dump(Pipeline([("a", FunctionTransformer(os.getcwd)), ("b", FunctionTransformer(os.getpid))]), path)
    module = os.getcwd.__module__
    with pytest.raises(UntrustedModelError, match=f"untrusted types {module}.getpid$"):
        load_model(path, trusted=(f"{module}.getcwd",))
    with pytest.raises(UntrustedModelError, match=f"untrusted types {module}.getcwd, {module}.getpid$"):
        load_model(path)
    loaded = load_model(path, trusted=(f"{module}.getcwd", f"{module}.getpid"))
    assert loaded.named_steps["a"].func is os.getcwd


class _Planted:
    """Unpickling this runs code: it creates a file. A model file can do worse."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_a_pickle_is_never_unpickled(tmp_path):
    marker = tmp_path / "code-ran-on-load"
    path = tmp_path / "model.skops"
    path.write_bytes(pickle.dumps(_Planted(marker)))
    with pytest.raises(Exception):
        load_model(path)
    assert not marker.exists(), (
        "loading the file ran code from it: never fall back to pickle.load or joblib.load for a model file"
    )


# ---- serving.py ------------------------------------------------------------------------------


@pytest.mark.parametrize("row", [0, 1, 5], ids=["row-0", "row-1", "row-5"])
def test_predict_one_matches_the_model(fitted, split, row):
    X_test = split[1]
    features = {name: float(value) for name, value in X_test.iloc[row].items()}
    expected = float(fitted.predict_proba(X_test.iloc[[row]])[0, 1])
    answer = predict_one(fitted, features)
    assert answer == {
        "label": "malignant" if expected >= 0.5 else "benign",
        "probability_malignant": round(expected, 4),
    }


def test_predict_one_does_not_rely_on_the_clients_order(fitted, split):
    X_test = split[1]
    features = {name: float(value) for name, value in X_test.iloc[1].items()}
    shuffled = dict(reversed(list(features.items())))
    assert predict_one(fitted, shuffled) == predict_one(fitted, features), (
        "build the row in FEATURES order: a JSON object's keys can come in any order"
    )


def test_predict_one_accepts_integers(fitted, split):
    features = {name: int(round(value)) for name, value in split[1].iloc[0].items()}
    assert predict_one(fitted, features)["label"] in {"malignant", "benign"}


def test_predict_one_threshold_is_inclusive_and_passed_on(split):
    features = {name: 1.0 for name in FEATURES}
    assert predict_one(FixedModel([0.5]), features)["label"] == "malignant", "0.5 >= 0.5 is malignant"
    assert predict_one(FixedModel([0.5]), features, threshold=0.6) == {"label": "benign", "probability_malignant": 0.5}


def _request(**changes):
    features = {name: 1.0 for name in FEATURES}
    for name, value in changes.items():
        features[name.replace("_", " ")] = value
    return features


def _without(*names):
    return {name: 1.0 for name in FEATURES if name not in names}


@pytest.mark.parametrize(
    ("features", "message"),
    [
        ([1.0] * 30, "features must be a mapping of feature name to number"),
        (_without("mean radius", "worst area"), "missing features: mean radius, worst area"),
        ({**_without("mean radius"), "mean radius ": 1.0}, "missing features: mean radius$"),
        ({**_request(), "colour": 1.0, "age": 50}, "unknown features: colour, age"),
        (_request(mean_radius="12.5"), "feature 'mean radius' must be a finite number"),
        (_request(mean_texture=None), "feature 'mean texture' must be a finite number"),
        (_request(mean_area=True), "feature 'mean area' must be a finite number"),
        (_request(worst_area=math.nan), "feature 'worst area' must be a finite number"),
        (_request(worst_area=-math.inf), "feature 'worst area' must be a finite number"),
        (_request(mean_radius=10**400), "feature 'mean radius' must be a finite number"),
        (_request(worst_area="x", mean_radius="y"), "feature 'mean radius' must be a finite number"),
    ],
    ids=[
        "a-list", "two-missing", "a-name-with-a-trailing-space", "unknown-names", "number-as-text",
        "none", "a-boolean", "nan", "minus-infinity", "an-int-too-large-for-a-float", "first-bad-in-order",
    ],
)
def test_predict_one_rejects_a_bad_request(fitted, features, message):
    with pytest.raises(ValueError, match=message):
        predict_one(fitted, features)


# ---- the main module -------------------------------------------------------------------------


def test_train_and_save_matches_the_documented_example(trained):
    summary, _ = trained
    assert summary["best_params"] == {"model__C": 0.1}, "tune with DEFAULT_GRID when param_grid is None"
    assert round(summary["test"]["recall"], 3) == 0.952, (
        "the recall of the saved model on the 114 TEST rows (on the training rows it is 0.971)"
    )


def test_train_and_save_tunes_on_the_training_rows_and_reports_on_the_test_rows(trained, split):
    summary, path = trained
    X_train, X_test, y_train, y_test = split
    expected = reference_search(X_train, y_train, DEFAULT_GRID)
    assert summary["cv_roc_auc"] == pytest.approx(expected.best_score_), (
        "tune on the training rows only (the test rows must not help choose C)"
    )
    model = load_model(path)
    assert model.named_steps["scale"].n_samples_seen_ == len(X_train), (
        "save search.best_estimator_, fitted on the 455 training rows: a model refitted on all 569 rows "
        "is not the model the test report describes"
    )
    assert summary["test"] == pytest.approx(metrics_report(model, X_test, y_test)), (
        "the report is metrics_report of the saved model on the test rows"
    )


def test_train_and_save_uses_the_grid_and_seed_it_is_given(tmp_path):
    summary = train_and_save(tmp_path / "m.skops", param_grid={"model__C": [10.0]}, random_state=3)
    X_train, X_test, y_train, y_test = reference_split(random_state=3)
    expected = reference_search(X_train, y_train, {"model__C": [10.0]}, random_state=3)
    assert summary["best_params"] == {"model__C": 10.0}
    assert summary["cv_roc_auc"] == pytest.approx(expected.best_score_)
    assert summary["test"]["roc_auc"] == pytest.approx(
        roc_auc_score(y_test, expected.best_estimator_.predict_proba(X_test)[:, 1])
    )


def test_train_and_save_does_not_replace_an_empty_grid(tmp_path):
    with pytest.raises(ValueError, match="param_grid must not be empty"):
        train_and_save(tmp_path / "m.skops", param_grid={})
    assert not (tmp_path / "m.skops").exists()
