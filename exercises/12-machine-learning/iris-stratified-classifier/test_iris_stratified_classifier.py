import numpy as np
import pytest
from sklearn.base import clone
from sklearn.datasets import load_iris

from iris_stratified_classifier import predict_species, split_iris, train_iris_classifier

SEEDS = pytest.mark.parametrize("seed", [0, 1, 42], ids=["seed-0", "seed-1", "seed-42"])


@pytest.fixture(scope="module")
def model():
    fitted, _ = train_iris_classifier(test_size=0.2, random_state=0)
    return fitted


@SEEDS
def test_split_keeps_the_species_balanced_in_both_parts(seed):
    X_train, X_test, y_train, y_test = split_iris(test_size=0.2, random_state=seed)
    assert X_train.shape == (120, 4) and X_test.shape == (30, 4)
    assert np.bincount(y_test).tolist() == [10, 10, 10], (
        "a stratified split keeps 10 flowers of each species in a 30-flower test set; "
        "pass stratify=y to train_test_split"
    )
    assert np.bincount(y_train).tolist() == [40, 40, 40]


@pytest.mark.parametrize("seed", [7, 0], ids=["seed-7", "seed-0-is-a-seed-too"])
def test_split_is_reproducible_with_the_same_random_state(seed):
    first = split_iris(test_size=0.3, random_state=seed)
    second = split_iris(test_size=0.3, random_state=seed)
    for a, b in zip(first, second):
        np.testing.assert_array_equal(
            a, b, err_msg="pass random_state on as it is: `random_state or None` makes 0 random"
        )


def test_the_defaults_are_a_20_percent_test_part_and_random_state_0():
    for a, b in zip(split_iris(), split_iris(test_size=0.2, random_state=0)):
        np.testing.assert_array_equal(a, b)
    default_model, default_accuracy = train_iris_classifier()
    model, accuracy = train_iris_classifier(test_size=0.2, random_state=0)
    assert default_accuracy == accuracy
    np.testing.assert_array_equal(default_model.predict(load_iris().data), model.predict(load_iris().data))


def test_split_changes_with_another_random_state():
    _, X_test_a, _, _ = split_iris(random_state=0)
    _, X_test_b, _, _ = split_iris(random_state=1)
    assert not np.array_equal(X_test_a, X_test_b), "random_state must be passed on to train_test_split"


def test_split_returns_the_flowers_measurements_unchanged():
    X_train, X_test, _, _ = split_iris(test_size=0.2, random_state=0)
    flowers = {tuple(row) for row in load_iris().data}
    assert all(tuple(row) in flowers for row in np.vstack([X_train, X_test])), (
        "split the raw measurements; scaling all 150 flowers before the split lets the "
        "test flowers shape the training data (leakage)"
    )


def test_split_never_puts_a_flower_in_both_parts():
    X_train, X_test, _, _ = split_iris(test_size=0.2, random_state=0)
    train_rows = {tuple(row) for row in X_train}
    overlap = [row for row in map(tuple, X_test) if row in train_rows]
    # iris has one duplicated flower, so at most that one row can appear on both sides
    assert len(overlap) <= 1
    assert len(X_train) + len(X_test) == 150


@pytest.mark.parametrize(
    "test_size", [0, 1, 1.5, -0.2], ids=["zero", "one", "more-than-one", "negative"]
)
def test_split_rejects_a_test_size_that_is_not_a_fraction(test_size):
    with pytest.raises(ValueError, match="test_size must be between 0 and 1"):
        split_iris(test_size=test_size)


@SEEDS
def test_classifier_is_accurate_on_the_held_out_flowers(seed):
    model, accuracy = train_iris_classifier(test_size=0.2, random_state=seed)
    assert hasattr(model, "predict"), "return the fitted model itself"
    assert 0.9 <= accuracy <= 1.0, f"accuracy {accuracy:.3f} is too low for iris"


def outputs(model, X):
    """What a classifier says about X: its class probabilities if it has them, else its labels."""
    return model.predict_proba(X) if hasattr(model, "predict_proba") else model.predict(X)


@SEEDS
def test_the_model_learnt_from_the_training_part_only(seed):
    model, _ = train_iris_classifier(test_size=0.2, random_state=seed)
    X_train, _, y_train, _ = split_iris(test_size=0.2, random_state=seed)
    fresh = clone(model).fit(X_train, y_train)  # same settings, fitted on the 120 training flowers

    every_flower = load_iris().data
    np.testing.assert_allclose(
        outputs(model, every_flower),
        outputs(fresh, every_flower),
        err_msg=(
            "the returned model differs from the same model fitted on X_train alone: fit on the "
            "training part only (never on all 150 flowers, not even again after scoring), and "
            "pass random_state on to a model that takes one"
        ),
    )
    if hasattr(model, "n_samples_fit_"):
        assert model.n_samples_fit_ == 120, "the model saw the 30 test flowers too"


def test_classifier_accuracy_is_the_score_on_the_test_part():
    model, accuracy = train_iris_classifier(test_size=0.2, random_state=1)
    _, X_test, _, y_test = split_iris(test_size=0.2, random_state=1)
    assert accuracy == pytest.approx(model.score(X_test, y_test)), (
        "the accuracy must be measured on the test part of the same split"
    )


def test_predict_species_returns_species_names(model):
    flowers = [[5.0, 3.4, 1.5, 0.2], [5.9, 2.8, 4.3, 1.3], [6.6, 3.0, 5.6, 2.1]]
    assert predict_species(model, flowers) == ["setosa", "versicolor", "virginica"]


def test_predict_species_returns_plain_strings(model):
    [name] = predict_species(model, [[5.1, 3.5, 1.4, 0.2]])
    assert type(name) is str, f"got {type(name).__name__}; convert numpy strings with str()"


def test_predict_species_handles_every_flower_in_the_data_set(model):
    iris = load_iris()
    predicted = predict_species(model, iris.data.tolist())
    correct = sum(p == iris.target_names[t] for p, t in zip(predicted, iris.target))
    assert len(predicted) == 150 and correct >= 140


def test_predict_species_of_no_flowers_is_an_empty_list(model):
    assert predict_species(model, []) == []


@pytest.mark.parametrize(
    ("rows", "count"),
    [([[5.1, 3.5, 1.4]], 3), ([[5.1, 3.5, 1.4, 0.2], [1, 2, 3, 4, 5]], 5)],
    ids=["three-numbers", "second-row-has-five"],
)
def test_predict_species_rejects_rows_of_the_wrong_length(model, rows, count):
    with pytest.raises(ValueError, match=f"expected 4 measurements per flower, got {count}"):
        predict_species(model, rows)
