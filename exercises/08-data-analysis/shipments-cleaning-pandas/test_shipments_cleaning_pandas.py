from pathlib import Path

import pandas as pd
import pytest

from shipments_cleaning_pandas import clean_shipments, parse_weight_kg

SHIPPED_CSV = Path(__file__).parent / "shipments.csv"
HEADER = "shipment_id,shipped_on,city,weight\n"


@pytest.fixture(scope="module")
def cleaned():
    return clean_shipments(SHIPPED_CSV)


@pytest.fixture
def write_csv(tmp_path):
    """Write a CSV with the export's header and the given lines; return its path."""

    def write(*lines: str) -> Path:
        path = tmp_path / "export.csv"
        path.write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")
        return path

    return write


@pytest.mark.parametrize(
    "text, kilograms",
    [
        ("1.2 kg", 1.2),
        ("300 g", 0.3),
        ("2kg", 2.0),
        (" 0,75 KG ", 0.75),
        ("450 G", 0.45),
        ("0 g", 0.0),
        ("12500 g", 12.5),
    ],
    ids=[
        "kilograms",
        "grams",
        "no-space",
        "decimal-comma-and-spaces",
        "upper-case-unit",
        "zero",
        "large",
    ],
)
def test_parse_weight_kg_converts_to_kilograms(text, kilograms):
    assert parse_weight_kg(text) == pytest.approx(kilograms)


@pytest.mark.parametrize(
    "text",
    ["heavy", "", "kg", "-1 kg", "1.2.3 kg", "1 kg 200 g"],
    ids=["a-word", "empty", "unit-only", "negative", "two-decimal-points", "two-weights"],
)
def test_parse_weight_kg_rejects_text_that_is_not_a_number_and_a_unit(text):
    with pytest.raises(ValueError, match="cannot parse weight"):
        parse_weight_kg(text)


@pytest.mark.parametrize("text", ["3 lb", "20 oz", "1 t"], ids=["pounds", "ounces", "tonnes"])
def test_parse_weight_kg_rejects_units_other_than_kg_and_g(text):
    with pytest.raises(ValueError, match="unknown unit"):
        parse_weight_kg(text)


def test_clean_shipments_returns_exactly_the_four_clean_columns(cleaned):
    assert list(cleaned.columns) == ["shipment_id", "shipped_on", "city", "weight_kg"]


def test_clean_shipments_normalises_ids_and_keeps_the_first_of_each(cleaned):
    expected = ["S-001", "S-002", "S-003", "S-004", "S-005", "S-007", "S-008"]
    assert list(cleaned["shipment_id"]) == expected, (
        "S-002 appears twice, 's-003' is S-003 again, and S-006 has no weight"
    )
    assert list(cleaned.index) == list(range(7)), "renumber the index with reset_index(drop=True)"


def test_clean_shipments_tidies_city_names_and_fills_blanks(cleaned):
    expected = ["Berlin", "Hamburg", "München", "Unknown", "Köln", "Unknown", "Leipzig"]
    assert list(cleaned["city"]) == expected, (
        "S-004 has no city (NaN) and S-007 only spaces ('' once stripped): both are 'Unknown'"
    )


def test_clean_shipments_converts_every_weight_to_kilograms(cleaned):
    assert list(cleaned["weight_kg"]) == pytest.approx([1.2, 0.3, 2.0, 0.45, 0.75, 1.0, 5.0]), (
        "the weights of S-001, S-002, S-003, S-004, S-005, S-007 and S-008, in kg"
    )


def test_clean_shipments_parses_dates_and_turns_a_bad_one_into_nat(cleaned):
    shipped_on = cleaned["shipped_on"]

    assert pd.api.types.is_datetime64_any_dtype(shipped_on), "use pd.to_datetime on the column"
    assert list(shipped_on.isna()) == [False, False, False, False, True, False, False], (
        "'03/02/2024' is not YYYY-MM-DD: errors='coerce' turns it into NaT"
    )
    assert shipped_on.iloc[0] == pd.Timestamp("2024-03-01")
    assert shipped_on.iloc[-1] == pd.Timestamp("2024-03-05")


def test_clean_shipments_does_not_change_the_file(cleaned):
    assert SHIPPED_CSV.read_text(encoding="utf-8").count("S-002") == 2


def test_a_duplicate_is_found_only_after_the_ids_are_cleaned(write_csv):
    path = write_csv("a-1,2024-01-01,Ulm,1 kg", " A-1 ,2024-01-02,Ulm,2 kg")

    result = clean_shipments(path)

    assert list(result["shipment_id"]) == ["A-1"]
    assert list(result["weight_kg"]) == [1.0], "keep the first row of a duplicated id"


def test_rows_without_a_weight_are_dropped_before_looking_for_duplicates(write_csv):
    path = write_csv("A-1,2024-01-01,Ulm,", "A-1,2024-01-02,Ulm,2 kg")

    result = clean_shipments(path)

    assert list(result["weight_kg"]) == [2.0], (
        "the first A-1 row has no weight and is dropped first; the weighed A-1 row must survive "
        "(drop the duplicates AFTER dropping the rows without a weight)"
    )
    assert result["shipped_on"].iloc[0] == pd.Timestamp("2024-01-02")


def test_the_rows_stay_in_file_order_not_sorted_by_id(write_csv):
    path = write_csv("B-2,2024-01-02,Ulm,1 kg", "A-1,2024-01-01,Ulm,2 kg", "b-2,2024-01-03,Ulm,3 kg")

    result = clean_shipments(path)

    assert list(result["shipment_id"]) == ["B-2", "A-1"], "keep the file's order: do not sort"
    assert list(result["weight_kg"]) == [1.0, 2.0]


def test_a_file_with_only_the_header_gives_an_empty_table(write_csv):
    result = clean_shipments(write_csv())

    assert result.empty
    assert list(result.columns) == ["shipment_id", "shipped_on", "city", "weight_kg"]


def test_an_unknown_unit_in_the_file_is_reported(write_csv):
    path = write_csv("A-1,2024-01-01,Ulm,1 kg", "A-2,2024-01-01,Ulm,3 lb")

    with pytest.raises(ValueError, match="unknown unit"):
        clean_shipments(path)
