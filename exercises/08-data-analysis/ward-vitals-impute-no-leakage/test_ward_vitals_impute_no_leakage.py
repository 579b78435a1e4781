import numpy as np
import pandas as pd
import pytest

from ward_vitals_impute_no_leakage import GroupMedianImputer

NAN = np.nan


@pytest.fixture
def train():
    return pd.DataFrame(
        {
            "patient": ["p1", "p2", "p3", "p4", "p5", "p6", "p7"],
            "ward": ["A", "A", "A", "B", "B", "D", "B"],
            "heart_rate": [70.0, 80.0, NAN, 100.0, 110.0, NAN, 150.0],
            "temp_c": [36.5, NAN, 37.1, 38.0, 38.4, 36.9, 38.2],
        }
    )


@pytest.fixture
def holdout():
    return pd.DataFrame(
        {
            "patient": ["t1", "t2", "t3", "t4", "t5", "t6", "t7"],
            "ward": ["A", "B", "C", "A", "A", "A", "D"],
            "heart_rate": [NAN, NAN, NAN, 64.0, 150.0, 160.0, NAN],
            "temp_c": [NAN, 39.0, NAN, NAN, 36.0, 40.0, NAN],
        },
        index=[10, 11, 12, 13, 14, 15, 16],
    )


@pytest.fixture
def imputer(train):
    return GroupMedianImputer("ward", ["heart_rate", "temp_c"]).fit(train)


def test_fit_returns_the_imputer_itself(train):
    imputer = GroupMedianImputer("ward", ["heart_rate"])

    assert imputer.fit(train) is imputer, "fit returns self so that .fit(train).transform(test) chains"


def test_missing_values_get_their_wards_median_learned_from_train(imputer, holdout):
    filled = imputer.transform(holdout)

    assert filled["heart_rate"].notna().all(), (
        "every gap is filled: assign whole columns on the copy (filled[c] = ...); "
        "filled[c][mask] = ... is chained assignment and changes nothing"
    )
    assert list(filled["heart_rate"]) == [75.0, 110.0, 100.0, 64.0, 150.0, 160.0, 100.0], (
        "ward A's train MEDIAN is 75 and B's 110 (its mean is 120): fill from what fit LEARNED; "
        "the test rows' own median (ward A: 150) would leak the test set into the preprocessing"
    )


def test_a_ward_unknown_or_empty_in_train_gets_the_overall_median(imputer, holdout):
    filled = imputer.transform(holdout)

    assert filled.loc[12, "heart_rate"] == 100.0, "ward C is not in train: overall train median"
    assert filled.loc[16, "heart_rate"] == 100.0, (
        "ward D's heart rates were all missing in train: its group median is NaN, so fall back "
        "to the overall median too"
    )
    assert filled.loc[16, "temp_c"] == 36.9, "but ward D has a temp_c median of its own"


def test_each_column_uses_its_own_medians(imputer, holdout):
    filled = imputer.transform(holdout)

    assert list(filled["temp_c"]) == pytest.approx([36.8, 39.0, 37.55, 36.8, 36.0, 40.0, 36.9])


def test_present_values_are_never_changed(imputer, holdout):
    present = holdout["heart_rate"].notna()

    filled = imputer.transform(holdout)

    assert holdout["heart_rate"].isna().sum() == 4, "fill a copy of the DataFrame, not the caller's"
    assert list(filled.loc[present, "heart_rate"]) == [64.0, 150.0, 160.0]


def test_transform_adds_a_missing_flag_per_column(imputer, holdout):
    filled = imputer.transform(holdout)

    assert list(filled.columns) == [
        "patient", "ward", "heart_rate", "temp_c", "heart_rate_was_missing", "temp_c_was_missing"
    ]
    assert list(filled["heart_rate_was_missing"]) == [True, True, True, False, False, False, True]
    assert list(filled["temp_c_was_missing"]) == [True, False, True, True, False, False, True]
    assert filled["temp_c_was_missing"].dtype == bool


def test_transform_keeps_the_index_and_leaves_its_input_alone(imputer, holdout):
    before = holdout.copy()

    filled = imputer.transform(holdout)

    assert list(filled.index) == [10, 11, 12, 13, 14, 15, 16]
    pd.testing.assert_frame_equal(
        holdout, before, obj="the DataFrame passed to transform (fill a copy, not the caller's)"
    )


def test_fit_leaves_the_training_data_alone(train):
    before = train.copy()

    GroupMedianImputer("ward", ["heart_rate", "temp_c"]).fit(train).transform(train)

    pd.testing.assert_frame_equal(train, before, obj="the training DataFrame")


def test_the_imputer_learns_only_in_fit(imputer, holdout):
    first = imputer.transform(holdout)
    imputer.transform(holdout.assign(heart_rate=[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]))

    pd.testing.assert_frame_equal(
        imputer.transform(holdout), first, obj="transform's result after transforming other data"
    )


def test_fitting_again_forgets_the_first_fit(train, holdout):
    imputer = GroupMedianImputer("ward", ["heart_rate"]).fit(train)
    other = pd.DataFrame({"ward": ["B", "B"], "heart_rate": [60.0, 62.0]})

    filled = imputer.fit(other).transform(holdout)

    assert list(filled["heart_rate"])[:3] == [61.0, 61.0, 61.0], (
        "the second fit replaces what the first learned: ward A is now unknown (overall 61)"
    )


def test_two_imputers_do_not_share_what_they_learned(train):
    heart = GroupMedianImputer("ward", ["heart_rate"])
    other = GroupMedianImputer("ward", ["heart_rate"])
    heart.fit(train)
    other.fit(pd.DataFrame({"ward": ["A"], "heart_rate": [200.0]}))

    filled = heart.transform(pd.DataFrame({"ward": ["A"], "heart_rate": [NAN]}))

    assert list(filled["heart_rate"]) == [75.0], (
        "keep what fit learns on self (set in __init__/fit), not in a class-level dict shared by "
        "every imputer"
    )


def test_transform_before_fit_is_an_error(holdout):
    with pytest.raises(RuntimeError, match=r"call fit\(train\) before transform"):
        GroupMedianImputer("ward", ["heart_rate"]).transform(holdout)


@pytest.mark.parametrize(
    "group, columns, missing",
    [("unit", ["heart_rate"], "unit"), ("ward", ["spo2"], "spo2"), ("unit", ["spo2"], "unit")],
    ids=["unknown-group", "unknown-column", "both-unknown-group-first"],
)
def test_fit_refuses_a_column_that_is_not_there(train, group, columns, missing):
    with pytest.raises(ValueError, match=f"no column '{missing}' in"):
        GroupMedianImputer(group, columns).fit(train)


def test_transform_refuses_a_frame_without_the_columns(imputer, holdout):
    with pytest.raises(ValueError, match="no column 'temp_c' in"):
        imputer.transform(holdout.drop(columns="temp_c"))
