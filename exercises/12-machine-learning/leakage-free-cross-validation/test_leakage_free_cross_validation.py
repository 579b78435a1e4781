import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from leakage_free_cross_validation import CVReport, cross_validate_pipeline, make_leakproof_pipeline


@pytest.fixture(scope="module")
def cancer():
    return load_breast_cancer(return_X_y=True)


@pytest.fixture
def pure_noise():
    """1000 columns of random numbers and labels that have nothing to do with them."""
    rng = np.random.default_rng(0)
    return rng.normal(size=(80, 1000)), np.array([0, 1] * 40)


@pytest.fixture
def scaler_fit_sizes(monkeypatch):
    """Records how many rows every StandardScaler is fitted on, however it is called."""
    sizes = []
    original_fit = StandardScaler.fit

    def recording_fit(self, X, y=None, **kwargs):
        sizes.append(len(X))
        return original_fit(self, X, y, **kwargs)

    monkeypatch.setattr(StandardScaler, "fit", recording_fit)
    return sizes


def honest_scores(X, y, k, folds, random_state, scoring):
    pipeline = Pipeline(
        [
            ("scale", StandardScaler()),
            ("select", SelectKBest(f_classif, k=k)),
            ("model", LogisticRegression(max_iter=1000)),
        ]
    )
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=random_state)
    return cross_val_score(pipeline, X, y, cv=cv, scoring=scoring)


def test_the_pipeline_scales_selects_then_models():
    pipeline = make_leakproof_pipeline(k=7, C=0.5)
    assert list(pipeline.named_steps) == ["scale", "select", "model"]
    scale, select, model = pipeline.named_steps.values()
    assert isinstance(scale, StandardScaler)
    assert isinstance(select, SelectKBest) and select.k == 7 and select.score_func is f_classif
    assert isinstance(model, LogisticRegression) and model.C == 0.5 and model.max_iter == 1000


def test_the_pipeline_defaults():
    pipeline = make_leakproof_pipeline()
    assert pipeline.named_steps["select"].k == 10
    assert pipeline.named_steps["model"].C == 1.0


def test_breast_cancer_matches_the_documented_example(cancer):
    X, y = cancer
    report = cross_validate_pipeline(X, y)
    assert isinstance(report, CVReport)
    assert len(report.fold_scores) == 5
    assert round(report.mean, 2) == 0.96, (
        "with StratifiedKFold(n_splits=5, shuffle=True, random_state=0) the mean accuracy is 0.96: "
        "are the folds stratified and shuffled with the given random_state?"
    )
    assert all(isinstance(score, float) for score in report.fold_scores)
    assert report.mean == pytest.approx(honest_scores(X, y, 10, 5, 0, "accuracy").mean()), (
        "the defaults are k=10, folds=5, random_state=0, scoring='accuracy'"
    )


@pytest.mark.parametrize(
    "settings",
    [{}, {"k": 5, "folds": 3, "random_state": 3}, {"k": 30, "folds": 4, "random_state": 1}],
    ids=["defaults", "three-folds-seed-3", "every-column"],
)
def test_each_fold_is_scored_by_a_pipeline_fitted_on_that_folds_training_rows(cancer, settings):
    X, y = cancer
    report = cross_validate_pipeline(X, y, scoring="neg_log_loss", **settings)
    used = {"k": 10, "folds": 5, "random_state": 0, **settings}
    expected = honest_scores(X, y, used["k"], used["folds"], used["random_state"], "neg_log_loss")
    assert report.fold_scores == pytest.approx(list(expected)), (
        "cross-validate the whole pipeline on the RAW X with StratifiedKFold(n_splits=folds, shuffle=True, "
        "random_state=random_state): scaling or selecting columns on all rows first leaks the test rows "
        "into every fold"
    )
    assert report.mean == pytest.approx(expected.mean())
    assert report.std == pytest.approx(expected.std()), "std as numpy's default (ddof=0) over the fold scores"


def test_the_scaler_never_sees_all_the_rows(cancer, scaler_fit_sizes):
    X, y = cancer
    cross_validate_pipeline(X, y, folds=5)
    assert scaler_fit_sizes, "the pipeline must have a StandardScaler step"
    assert max(scaler_fit_sizes) < len(X), (
        f"a StandardScaler was fitted on all {len(X)} rows: its means then include every fold's test "
        "rows (leakage). Leave scaling to the pipeline, which refits it on each fold's training rows"
    )
    assert len(scaler_fit_sizes) == 5, "one scaler fitted per fold"


def test_on_pure_noise_the_score_stays_near_a_coin_toss(pure_noise):
    X, y = pure_noise
    report = cross_validate_pipeline(X, y, k=10)
    assert report.mean < 0.7, (
        f"cross-validated accuracy {report.mean:.2f} on random labels: the 10 'best' columns were chosen "
        "on all the rows, test rows included. SelectKBest must be a step of the pipeline"
    )


@pytest.mark.parametrize("k", [1, 30], ids=["one-column", "every-column"])
def test_k_may_be_anything_from_one_to_the_number_of_columns(cancer, k):
    X, y = cancer
    report = cross_validate_pipeline(X, y, k=k, folds=2)
    assert len(report.fold_scores) == 2 and 0.5 < report.mean <= 1.0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"folds": 1}, "folds must be at least 2"),
        ({"folds": 0}, "folds must be at least 2"),
        ({"k": 0}, "k must be between 1 and 30, got 0"),
        ({"k": 31}, "k must be between 1 and 30, got 31"),
    ],
    ids=["one-fold", "zero-folds", "no-columns", "more-columns-than-there-are"],
)
def test_bad_settings_are_refused(cancer, kwargs, message):
    X, y = cancer
    with pytest.raises(ValueError, match=message):
        cross_validate_pipeline(X, y, **kwargs)
