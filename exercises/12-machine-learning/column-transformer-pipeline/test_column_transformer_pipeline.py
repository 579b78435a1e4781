import numpy as np
import pandas as pd
import pytest

from column_transformer_pipeline import (
    add_features,
    fit_and_score,
    make_churn_pipeline,
    make_preprocessor,
)

NUMERIC = ["age", "monthly_spend", "spend_per_visit"]
CATEGORICAL = ["plan", "city"]


def make_customers(n: int, seed: int, spend_shift: float = 0.0) -> pd.DataFrame:
    """A made-up customer table where young, low-spending 'basic' customers tend to churn."""
    rng = np.random.default_rng(seed)
    age = rng.integers(18, 75, n)
    spend = (rng.normal(50, 20, n) + spend_shift).clip(5).round(2)
    plan = rng.choice(["basic", "plus", "pro"], n)
    effect = pd.Series(plan).map({"basic": 1.2, "plus": 0.0, "pro": -1.2}).to_numpy()
    score = -0.06 * (age - 45) - 0.05 * (spend - 50) + effect + rng.normal(0, 0.5, n)
    return pd.DataFrame(
        {
            "age": age,
            "monthly_spend": spend,
            "visits": rng.integers(0, 12, n),
            "plan": plan,
            "city": rng.choice(["Lisbon", "Porto", "Faro"], n),
            "churned": (score > 0).astype(int),
        }
    )


def dense(matrix) -> np.ndarray:
    return matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)


@pytest.fixture
def small():
    return pd.DataFrame(
        {
            "age": [20, 30, 40, 50],
            "monthly_spend": [10.0, 20.0, 30.0, 40.0],
            "visits": [2, 0, 3, 8],
            "plan": ["basic", "pro", "basic", "plus"],
            "city": ["Lisbon", "Porto", "Lisbon", "Faro"],
        }
    )


def test_add_features_divides_spend_by_visits_and_uses_zero_for_no_visits(small):
    result = add_features(small)
    assert result["spend_per_visit"].tolist() == pytest.approx([5.0, 0.0, 10.0, 5.0])


def test_add_features_divides_by_a_single_visit_too():
    df = pd.DataFrame({"monthly_spend": [12.0, 12.0, 12.0], "visits": [1, 0, 4]})
    assert add_features(df)["spend_per_visit"].tolist() == pytest.approx([12.0, 0.0, 3.0]), (
        "only visits == 0 gives 0.0: one visit means the whole spend per visit"
    )


def test_add_features_leaves_the_input_frame_alone(small):
    before = small.copy()
    add_features(small)
    pd.testing.assert_frame_equal(small, before, obj="the frame passed to add_features")


def test_preprocessor_scales_numbers_and_one_hot_encodes_categories(small):
    preprocessor = make_preprocessor(["age", "monthly_spend"], ["plan", "city"])
    out = dense(preprocessor.fit_transform(small))
    assert list(preprocessor.get_feature_names_out()) == [
        "num__age", "num__monthly_spend",
        "cat__plan_basic", "cat__plan_plus", "cat__plan_pro",
        "cat__city_Faro", "cat__city_Lisbon", "cat__city_Porto",
    ], "name the transformers 'num' and 'cat'; the 'visits' column is dropped"
    assert out[:, :2].mean(axis=0) == pytest.approx([0, 0], abs=1e-9)
    assert out[:, :2].std(axis=0) == pytest.approx([1, 1])
    assert out[:, 2:].tolist()[0] == [1, 0, 0, 0, 1, 0], "first row: plan=basic, city=Lisbon"


def test_preprocessor_ignores_categories_it_has_never_seen(small):
    preprocessor = make_preprocessor(["age"], ["plan", "city"]).fit(small)
    unseen = pd.DataFrame(
        {"age": [35], "monthly_spend": [1.0], "visits": [1], "plan": ["enterprise"], "city": ["Évora"]}
    )
    row = dense(preprocessor.transform(unseen))[0]
    assert row[1:].tolist() == [0, 0, 0, 0, 0, 0], (
        "unknown categories should become all zeros: OneHotEncoder(handle_unknown='ignore')"
    )


def test_pipeline_has_feature_preprocessing_and_model_steps():
    pipeline = make_churn_pipeline(NUMERIC, CATEGORICAL)
    assert list(pipeline.named_steps) == ["features", "preprocess", "model"]


def test_fit_and_score_predicts_churn_well():
    train, test = make_customers(200, seed=1), make_customers(60, seed=2)
    pipeline, accuracy = fit_and_score(train, test, "churned", NUMERIC, CATEGORICAL)
    assert accuracy >= 0.8, f"accuracy {accuracy:.3f}: is every step in the pipeline?"
    assert pipeline.predict(test.drop(columns=["churned"])).shape == (60,)


def test_fit_and_score_learns_the_scaling_from_the_training_rows_only():
    train = make_customers(200, seed=1)
    test = make_customers(60, seed=2, spend_shift=40.0)  # test customers spend much more
    pipeline, _ = fit_and_score(train, test, "churned", NUMERIC, CATEGORICAL)
    scaler = pipeline.named_steps["preprocess"].named_transformers_["num"]
    expected = add_features(train)[NUMERIC].mean().to_numpy()
    assert scaler.mean_ == pytest.approx(expected), (
        "the scaler's means must come from the training rows only; "
        "fitting it on test rows too leaks information about the test set"
    )
    assert scaler.n_samples_seen_ == 200


def test_fit_and_score_copes_with_a_city_that_only_appears_in_test():
    train, test = make_customers(200, seed=1), make_customers(20, seed=3)
    test.loc[:4, "city"] = "Évora"
    pipeline, accuracy = fit_and_score(train, test, "churned", NUMERIC, CATEGORICAL)
    assert 0.0 <= accuracy <= 1.0
    encoder = pipeline.named_steps["preprocess"].named_transformers_["cat"]
    assert [list(categories) for categories in encoder.categories_] == [
        ["basic", "plus", "pro"],
        ["Faro", "Lisbon", "Porto"],
    ], (
        "the encoder's categories must come from the training rows only: "
        "'Évora' appears only in test, so the model must not know it (leakage)"
    )


@pytest.mark.parametrize(
    ("numeric", "categorical"),
    [(NUMERIC, []), ([], CATEGORICAL)],
    ids=["numbers-only", "categories-only"],
)
def test_fit_and_score_works_with_one_kind_of_feature(numeric, categorical):
    train, test = make_customers(200, seed=1), make_customers(60, seed=2)
    pipeline, accuracy = fit_and_score(train, test, "churned", numeric, categorical)
    assert 0.5 <= accuracy <= 1.0, "only an empty list of BOTH kinds is an error"


@pytest.mark.parametrize(
    ("numeric", "categorical", "message"),
    [
        (["age", "churned"], ["plan"], "target 'churned' must not be a feature"),
        (["age"], ["churned"], "target 'churned' must not be a feature"),
        ([], [], "no feature columns"),
    ],
    ids=["target-as-number", "target-as-category", "no-features"],
)
def test_fit_and_score_rejects_bad_feature_lists(numeric, categorical, message):
    data = make_customers(30, seed=4)
    with pytest.raises(ValueError, match=message):
        fit_and_score(data, data, "churned", numeric, categorical)
