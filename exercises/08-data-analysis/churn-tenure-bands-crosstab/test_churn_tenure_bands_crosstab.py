import numpy as np
import pandas as pd
import pytest

from churn_tenure_bands_crosstab import BANDS, churn_by_band, plan_mix, tenure_band

NAN = np.nan


@pytest.fixture
def customers():
    return pd.DataFrame(
        {
            "customer_id": [f"c{n}" for n in range(10)],
            "tenure_months": [0, 5.9, 6, 11.5, 3, NAN, 30, 48, 2, 6.0],
            "plan": ["basic", "pro", "basic", "pro", "basic", "pro", "pro", "pro", "basic", "basic"],
            "churned": [True, True, False, True, False, True, False, False, True, False],
        }
    )


@pytest.mark.parametrize(
    "months, band",
    [
        (0, "0-5"),
        (5.9, "0-5"),
        (6, "6-11"),
        (11.99, "6-11"),
        (12, "12-23"),
        (23.5, "12-23"),
        (24, "24+"),
        (600, "24+"),
    ],
    ids=["zero", "just-under-six", "six", "just-under-twelve", "twelve", "twenty-three-and-a-half",
         "twenty-four", "fifty-years"],
)
def test_tenure_band_puts_each_edge_in_the_band_it_starts(months, band):
    assert list(tenure_band(pd.Series([months]))) == [band], (
        "the left edge belongs to the band: 6 months is '6-11' (pd.cut(..., right=False))"
    )


def test_tenure_band_is_an_ordered_categorical_of_the_four_bands():
    bands = tenure_band(pd.Series([30.0, 1.0]))

    assert bands.dtype == pd.CategoricalDtype(BANDS, ordered=True)
    assert bands.iloc[0] > bands.iloc[1], "'24+' sorts after '0-5' as a band, not as text"


def test_tenure_band_leaves_an_unknown_tenure_unknown():
    assert tenure_band(pd.Series([NAN, 7.0])).isna().tolist() == [True, False]


@pytest.mark.parametrize(
    "months, shown",
    [([3.0, -1.0, -4.0], "-1.0"), ([-0.5], "-0.5"), ([0.5, 0.0, -2.0], "-2.0")],
    ids=["first-negative-named", "a-fraction-below-zero", "zero-and-a-fraction-are-not-negative"],
)
def test_tenure_band_refuses_a_negative_tenure(months, shown):
    with pytest.raises(ValueError, match=f"negative tenure: {shown}"):
        tenure_band(pd.Series(months))


def test_churn_by_band_counts_each_band_in_band_order(customers):
    table = churn_by_band(customers)

    assert table.index.name == "band"
    assert list(table.index) == BANDS, (
        "all four bands in band order, also '12-23' with nobody in it: groupby(..., observed=False)"
    )
    assert list(table.columns) == ["customers", "churned", "rate"]
    assert table["customers"].tolist() == [4, 3, 0, 2]
    assert table["churned"].tolist() == [3, 1, 0, 0]


def test_churn_by_band_counts_are_whole_numbers(customers):
    table = churn_by_band(customers)

    assert table["customers"].dtype == np.int64 and table["churned"].dtype == np.int64


def test_churn_rate_is_missing_for_a_band_without_customers(customers):
    rate = churn_by_band(customers)["rate"]

    assert rate.iloc[0] == pytest.approx(0.75)
    assert rate.iloc[1] == pytest.approx(1 / 3)
    assert pd.isna(rate.iloc[2]), "no customers in '12-23': the rate is unknown (NaN), not 0 %"
    assert rate.iloc[3] == 0.0, "two customers in '24+', none churned: a real 0 %"


def test_customers_with_an_unknown_tenure_are_in_no_band(customers):
    table = churn_by_band(customers)

    assert table["customers"].sum() == 9, "c5 has no tenure: count it nowhere"
    assert table["churned"].sum() == 4


def test_plan_mix_gives_each_plans_share_within_a_band(customers):
    mix = plan_mix(customers)

    assert mix.index.name == "band"
    assert list(mix.index) == ["0-5", "6-11", "24+"], "the empty band is left out"
    assert list(mix.columns) == ["basic", "pro"]
    assert mix.sum(axis=1).tolist() == pytest.approx([1.0, 1.0, 1.0]), (
        "shares WITHIN each band, each row summing to 1: normalize='index'"
    )
    assert mix["basic"].tolist() == pytest.approx([0.75, 2 / 3, 0.0])
    assert mix["pro"].tolist() == pytest.approx([0.25, 1 / 3, 1.0])


def test_plan_mix_rows_each_sum_to_one(customers):
    assert plan_mix(customers).sum(axis=1).tolist() == pytest.approx([1.0, 1.0, 1.0]), (
        "shares WITHIN each band: normalize='index' (not 'columns' or 'all')"
    )


@pytest.mark.parametrize(
    "function", [churn_by_band, plan_mix], ids=["churn_by_band", "plan_mix"]
)
def test_the_callers_dataframe_is_left_unchanged(customers, function):
    before = customers.copy()

    function(customers)

    pd.testing.assert_frame_equal(
        customers, before, obj="the DataFrame passed in (add no 'band' column to it)"
    )
