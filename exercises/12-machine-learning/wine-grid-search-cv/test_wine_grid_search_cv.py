import pytest
from sklearn.datasets import load_wine
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler

from wine_grid_search_cv import DEFAULT_GRID, TuningReport, make_wine_pipeline, tune_wine


@pytest.fixture(scope="module")
def report():
    """The default search, run once for all the tests that read it."""
    return tune_wine()


def wine_split(random_state=0):
    X, y = load_wine(return_X_y=True)
    return train_test_split(X, y, test_size=0.25, stratify=y, random_state=random_state)


def wine_training_part(random_state=0):
    X_train, _, y_train, _ = wine_split(random_state)
    return X_train, y_train


def test_pipeline_scales_before_the_model():
    pipeline = make_wine_pipeline()
    assert list(pipeline.named_steps) == ["scale", "model"]
    assert isinstance(pipeline.named_steps["scale"], StandardScaler)
    assert isinstance(pipeline.named_steps["model"], KNeighborsClassifier)


def test_the_default_grid_is_the_documented_one():
    assert DEFAULT_GRID == {
        "model__n_neighbors": [1, 5, 15],
        "model__weights": ["uniform", "distance"],
    }


def test_report_tries_every_combination_of_the_grid(report):
    assert isinstance(report, TuningReport)
    assert report.n_candidates == 6, "3 values of n_neighbors x 2 of weights"


def test_best_params_come_from_the_grid(report):
    assert set(report.best_params) == set(DEFAULT_GRID), (
        "best_params uses the grid's own names, with the 'model__' step prefix"
    )
    for name, value in report.best_params.items():
        assert value in DEFAULT_GRID[name]


def test_tuned_model_scores_well_in_cross_validation_and_on_the_test_part(report):
    assert report.best_cv_score >= 0.9, (
        f"cross-validated accuracy {report.best_cv_score:.3f}: unscaled k-NN scores about 0.75 on wine"
    )
    assert report.test_accuracy >= 0.9


def test_best_cv_score_is_the_stratified_cv_score_on_the_training_part(report):
    X_train, y_train = wine_training_part()
    best = make_wine_pipeline().set_params(**report.best_params)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    expected = cross_val_score(best, X_train, y_train, cv=folds, scoring="accuracy").mean()
    assert report.best_cv_score == pytest.approx(expected), (
        "search only the training part (test_size=0.25, stratify=y) with "
        "StratifiedKFold(n_splits=5, shuffle=True, random_state=0)"
    )


@pytest.mark.parametrize("random_state", [0, 3], ids=["random-state-0", "random-state-3"])
def test_test_accuracy_is_the_tuned_model_fitted_on_train_scored_on_test(random_state):
    report = tune_wine({"model__n_neighbors": [1, 15]}, folds=3, random_state=random_state)
    X_train, X_test, y_train, y_test = wine_split(random_state)
    best = make_wine_pipeline().set_params(**report.best_params).fit(X_train, y_train)
    assert report.test_accuracy == pytest.approx(best.score(X_test, y_test)), (
        "test_accuracy: the best parameters, refitted on the training part only, "
        "scored once on the test part (not on the training rows, not after refitting on all data)"
    )


def test_a_one_candidate_grid_and_other_folds_work():
    report = tune_wine({"model__n_neighbors": [7]}, folds=3, random_state=1)
    assert report.best_params == {"model__n_neighbors": 7}
    assert report.n_candidates == 1
    X_train, y_train = wine_training_part(random_state=1)
    folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=1)
    pipeline = make_wine_pipeline().set_params(model__n_neighbors=7)
    assert report.best_cv_score == pytest.approx(cross_val_score(pipeline, X_train, y_train, cv=folds).mean())


def test_two_folds_are_enough():
    report = tune_wine({"model__n_neighbors": [5]}, folds=2)
    assert report.n_candidates == 1 and 0.0 <= report.best_cv_score <= 1.0


@pytest.mark.parametrize("folds", [1, 0, -3], ids=["one-fold", "zero-folds", "negative"])
def test_tune_wine_needs_at_least_two_folds(folds):
    with pytest.raises(ValueError, match="folds must be at least 2"):
        tune_wine(folds=folds)


def test_tune_wine_rejects_an_empty_grid():
    with pytest.raises(ValueError, match="param_grid must not be empty"):
        tune_wine({})


def test_grid_names_must_name_the_pipeline_step():
    with pytest.raises(ValueError, match="Invalid parameter"):
        tune_wine({"n_neighbors": [3]})
