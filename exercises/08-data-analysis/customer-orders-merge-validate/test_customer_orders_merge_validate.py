import pandas as pd
import pytest

from customer_orders_merge_validate import SEGMENTS, at_least, enrich_orders, revenue_by_segment


@pytest.fixture
def customers():
    return pd.DataFrame(
        {
            "customer_id": ["C1", "C2", "C3", "C4"],
            "name": ["Ana", "Ben", "Chloé", "Dev"],
            "segment": [" Gold", "silver", "BRONZE ", "Silver"],
        }
    )


@pytest.fixture
def orders():
    return pd.DataFrame(
        {
            "order_id": ["O1", "O2", "O3", "O4", "O5", "O6"],
            "customer_id": ["C2", "C9", "C1", "C2", "C3", "C4"],
            "amount": [20.0, 5.0, 100.0, 30.5, 12.0, 7.5],
        }
    )


@pytest.fixture
def enriched(orders, customers):
    return enrich_orders(orders, customers)


def test_every_order_is_kept_once_in_its_order(enriched):
    assert list(enriched["order_id"]) == ["O1", "O2", "O3", "O4", "O5", "O6"], (
        "a LEFT merge keeps every order, also O2 whose customer C9 is unknown (an inner merge "
        "would drop its revenue without a word)"
    )


def test_the_enriched_table_has_the_customer_columns(enriched):
    assert list(enriched.columns) == [
        "order_id", "customer_id", "amount", "name", "segment", "known_customer"
    ], "no _merge helper column left in the result"
    assert list(enriched["name"].fillna("?")) == ["Ben", "?", "Ana", "Ben", "Chloé", "Dev"]


def test_known_customer_marks_the_orders_without_a_customer(enriched):
    assert enriched["known_customer"].dtype == bool
    assert list(enriched["known_customer"]) == [True, False, True, True, True, True], (
        "merge(..., indicator=True) says where each row came from: 'both' means matched"
    )
    unknown = enriched.iloc[1]
    assert pd.isna(unknown["name"]) and pd.isna(unknown["segment"])


def test_segment_is_cleaned_into_an_ordered_categorical(enriched):
    assert enriched["segment"].dtype == SEGMENTS, (
        "cast the cleaned segment to the ordered CategoricalDtype SEGMENTS"
    )
    assert list(enriched["segment"].astype(object).fillna("?")) == [
        "silver", "?", "gold", "silver", "bronze", "silver"
    ], "strip spaces and lower the case before casting"


@pytest.mark.parametrize(
    "extra",
    [
        ("C2", "Ben", "silver"),
        ("C1", "Ana B.", "bronze"),
    ],
    ids=["exact-duplicate-row", "same-id-other-customer"],
)
def test_a_customer_listed_twice_is_an_error_not_doubled_revenue(orders, customers, extra):
    twice = pd.concat([customers, pd.DataFrame([extra], columns=customers.columns)])

    with pytest.raises(ValueError, match="many-to-one"):
        enrich_orders(orders, twice)


def test_many_orders_of_one_customer_are_fine(enriched):
    assert list(enriched["customer_id"]).count("C2") == 2


@pytest.mark.parametrize("bad", ["platinum", "gold star", ""], ids=["platinum", "two-words", "blank"])
def test_an_unknown_segment_is_an_error_not_a_silent_nan(orders, customers, bad):
    customers.loc[2, "segment"] = bad

    with pytest.raises(ValueError, match=f"unknown segment '{bad}'"):
        enrich_orders(orders, customers)


def test_revenue_by_segment_sums_each_level_in_level_order(enriched):
    revenue = revenue_by_segment(enriched)

    assert list(revenue.index) == ["bronze", "silver", "gold"], (
        "levels in their order, not alphabetical: group by the ordered categorical"
    )
    assert list(revenue) == [12.0, 58.0, 100.0], "the unknown customer's 5.0 is in no segment"


def test_a_level_without_orders_still_shows_zero_revenue(orders, customers):
    no_gold = orders[orders["customer_id"] != "C1"]

    revenue = revenue_by_segment(enrich_orders(no_gold, customers))

    assert list(revenue.index) == ["bronze", "silver", "gold"], (
        "gold had no orders but is still a level: groupby(..., observed=False)"
    )
    assert list(revenue) == [12.0, 58.0, 0.0]


@pytest.mark.parametrize(
    "level, expected",
    [
        ("bronze", ["O1", "O3", "O4", "O5", "O6"]),
        ("silver", ["O1", "O3", "O4", "O6"]),
        ("gold", ["O3"]),
    ],
    ids=["bronze-and-up", "silver-and-up", "gold-only"],
)
def test_at_least_compares_levels_not_spelling(enriched, level, expected):
    assert list(at_least(enriched, level)["order_id"]) == expected, (
        "compare the ORDERED categorical: as text 'gold' < 'silver', as levels gold > silver; "
        "the unknown customer is in no level"
    )


@pytest.mark.parametrize("level", ["platinum", "Gold"], ids=["not-a-level", "not-cleaned"])
def test_at_least_refuses_an_unknown_level(enriched, level):
    with pytest.raises(ValueError, match=f"unknown segment '{level}'"):
        at_least(enriched, level)


def test_the_callers_dataframes_are_left_unchanged(orders, customers):
    orders_before, customers_before = orders.copy(), customers.copy()

    enriched = enrich_orders(orders, customers)
    revenue_by_segment(enriched)
    at_least(enriched, "silver")

    pd.testing.assert_frame_equal(orders, orders_before, obj="the orders passed in")
    pd.testing.assert_frame_equal(
        customers, customers_before, obj="the customers passed in (clean the segment on a copy)"
    )
