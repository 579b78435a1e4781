import re

import pytest

from parcel_shipping import ExpressParcel, FragileParcel, Parcel, total_cost


def test_a_parcel_stores_its_weight():
    assert Parcel(2.5).weight_kg == 2.5


@pytest.mark.parametrize(
    ("weight_kg", "expected"),
    [(0.2, 5.5), (1, 5.5), (1.01, 7.0), (2.5, 8.5), (30, 49.0)],
    ids=["light-pays-for-one-kg", "exactly-one-kg", "just-over-one-kg", "two-and-a-half-kg", "heavy"],
)
def test_cost_charges_the_base_fee_plus_each_started_kilogram(weight_kg, expected):
    assert Parcel(weight_kg).cost() == pytest.approx(expected)


def test_cost_reads_the_fees_from_the_class_attributes(monkeypatch):
    monkeypatch.setattr(Parcel, "BASE_FEE", 10.0)
    monkeypatch.setattr(Parcel, "PER_KG", 2.0)

    assert Parcel(2.5).cost() == pytest.approx(16.0), "use self.BASE_FEE and self.PER_KG, not 4.00 and 1.50"
    assert ExpressParcel(2.5).cost() == pytest.approx(32.0), "subclasses inherit the fees from Parcel"


# `nan <= 0` is False, so `if weight_kg <= 0: raise ...` lets NaN through.
@pytest.mark.parametrize(
    "weight_kg",
    [0, -1.5, float("nan"), float("inf"), float("-inf")],
    ids=["zero", "negative", "not-a-number", "infinity", "minus-infinity"],
)
def test_a_weight_that_is_not_positive_and_finite_is_rejected(weight_kg):
    with pytest.raises(ValueError, match=f"weight must be positive and finite, got {weight_kg}"):
        Parcel(weight_kg)



@pytest.mark.parametrize(
    ("weight_kg", "expected"),
    [(0.2, 11.0), (2.5, 17.0)],
    ids=["light", "two-and-a-half-kg"],
)
def test_express_costs_twice_the_normal_price(weight_kg, expected):
    parcel = ExpressParcel(weight_kg)

    assert isinstance(parcel, Parcel), "ExpressParcel must be a subclass of Parcel"
    assert parcel.cost() == pytest.approx(expected)


def test_fragile_adds_its_handling_fee_to_the_normal_price():
    assert FragileParcel(2.5).cost() == pytest.approx(11.5), "the default handling fee is 3.00"
    assert FragileParcel(2.5, handling_fee=5.0).cost() == pytest.approx(13.5)


def test_fragile_stores_weight_and_handling_fee():
    parcel = FragileParcel(0.5, handling_fee=1.25)

    assert isinstance(parcel, Parcel), "FragileParcel must be a subclass of Parcel"
    assert parcel.weight_kg == 0.5
    assert parcel.handling_fee == 1.25


def test_fragile_lets_parcel_check_the_weight():
    with pytest.raises(ValueError, match="weight must be positive"):
        FragileParcel(-2)


def test_handling_fee_can_only_be_given_by_keyword():
    with pytest.raises(TypeError):
        FragileParcel(1.0, 5.0)


@pytest.mark.parametrize(
    ("label", "expected_kg"),
    [("750g", 0.75), ("2.5 kg", 2.5), ("1KG", 1.0), ("  1500 G ", 1.5), ("3kg", 3.0)],
    ids=["grams", "kilograms-with-space", "upper-case", "spaces-everywhere", "whole-kilograms"],
)
def test_from_label_reads_grams_and_kilograms(label, expected_kg):
    parcel = Parcel.from_label(label)

    assert type(parcel) is Parcel
    assert parcel.weight_kg == pytest.approx(expected_kg)


@pytest.mark.parametrize("cls", [ExpressParcel, FragileParcel], ids=["express", "fragile"])
def test_from_label_builds_an_instance_of_the_class_it_is_called_on(cls):
    parcel = cls.from_label("750 g")

    assert type(parcel) is cls, (
        f"{cls.__name__}.from_label returned a {type(parcel).__name__}: build the object with cls(...), not Parcel(...)"
    )
    assert parcel.weight_kg == pytest.approx(0.75)


@pytest.mark.parametrize("label", ["2 lb", "750", "kg"], ids=["pounds", "no-unit", "no-number"])
def test_from_label_rejects_labels_it_cannot_read(label):
    with pytest.raises(ValueError):
        Parcel.from_label(label)


@pytest.mark.parametrize(
    "label",
    ["2 lb", "750 mg", "750mg", "2 kgs", "1 Mg"],
    ids=["pounds", "milligrams", "milligrams-no-space", "plural", "megagram"],
)
def test_from_label_names_the_unknown_unit(label):
    expected = f"unknown unit in {label!r}: use 'g' or 'kg'"
    with pytest.raises(ValueError, match=f"^{re.escape(expected)}$"):
        Parcel.from_label(label)


@pytest.mark.parametrize("label", ["nan kg", "inf g"], ids=["nan", "infinity"])
def test_from_label_rejects_a_number_float_reads_but_no_scale_can_weigh(label):
    with pytest.raises(ValueError, match="weight must be positive and finite"):
        Parcel.from_label(label)


def test_from_label_still_checks_the_weight():
    with pytest.raises(ValueError, match="weight must be positive"):
        Parcel.from_label("0g")


def test_total_cost_adds_up_a_mix_of_parcels():
    parcels = [Parcel(1), ExpressParcel(1), FragileParcel(1)]

    assert total_cost(parcels) == pytest.approx(5.5 + 11.0 + 8.5)


def test_total_cost_of_no_parcels_is_zero():
    assert total_cost([]) == 0
