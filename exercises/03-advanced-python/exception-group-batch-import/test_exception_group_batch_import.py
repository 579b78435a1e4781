import pytest

import exception_group_batch_import as importer
from exception_group_batch_import import ImportFailed, import_report, import_rows, parse_row

GOOD = {"sku": "A-1", "qty": "3"}


def test_the_errors_form_one_hierarchy():
    assert issubclass(importer.BadRow, ImportFailed) and issubclass(ImportFailed, Exception)
    assert issubclass(importer.MissingField, importer.BadRow)
    assert issubclass(importer.BadNumber, importer.BadRow)
    assert not issubclass(importer.MissingField, importer.BadNumber)


def test_parse_row_converts_the_quantity_and_ignores_extra_keys():
    assert parse_row({**GOOD, "colour": "red"}) == {"sku": "A-1", "qty": 3}


@pytest.mark.parametrize(
    "row, field",
    [({"qty": "1"}, "sku"), ({"sku": "A"}, "qty"), ({}, "sku")],
    ids=["no-sku", "no-qty", "empty-row-reports-sku-first"],
)
def test_parse_row_reports_the_missing_field(row, field):
    with pytest.raises(importer.MissingField, match=f"^{field}: missing$") as info:
        parse_row(row)
    assert info.value.field == field


@pytest.mark.parametrize("value", ["ten", "", "1.5"], ids=["word", "empty", "decimal"])
def test_a_bad_quantity_is_chained_to_the_value_error(value):
    with pytest.raises(importer.BadNumber) as info:
        parse_row({"sku": "A", "qty": value})

    error = info.value
    assert str(error) == f"qty: not a number: {value!r}"
    assert (error.field, error.value) == ("qty", value)
    assert isinstance(error.__cause__, ValueError), "use `raise BadNumber(...) from exc` to keep the ValueError"


def test_clean_rows_import_without_error():
    assert import_rows([GOOD, {"sku": "B", "qty": "-2"}]) == [{"sku": "A-1", "qty": 3}, {"sku": "B", "qty": -2}]


def test_no_rows_is_an_empty_import():
    assert import_rows([]) == []


def test_every_bad_row_is_collected_into_one_group():
    rows = [GOOD, {"sku": "B"}, {"sku": "C", "qty": "ten"}, {"qty": "4"}]

    with pytest.raises(ExceptionGroup) as info:
        import_rows(rows)

    group = info.value
    assert str(group) == "3 of 4 rows failed (3 sub-exceptions)", "message: f'{failed} of {total} rows failed'"
    kinds = [type(exc).__name__ for exc in group.exceptions]
    assert kinds == ["MissingField", "BadNumber", "MissingField"], "collect EVERY bad row, in row order"


def test_each_error_carries_a_note_with_its_row_number():
    rows = [{"sku": "B"}, GOOD, {"sku": "C", "qty": "x"}]

    with pytest.raises(ExceptionGroup) as info:
        import_rows(rows)

    notes = [exc.__notes__ for exc in info.value.exceptions]
    assert notes == [["row 1"], ["row 3"]], "exc.add_note(f'row {n}') with rows counted from 1, one note each"


def test_a_bug_is_not_collected_as_a_bad_row():
    with pytest.raises(TypeError) as info:
        import_rows([{"sku": "B"}, None])
    assert not isinstance(info.value, ExceptionGroup), (
        "only BadRow errors are collected; a TypeError is a bug and must propagate as itself"
    )


def test_the_report_lists_missing_fields_then_bad_numbers():
    rows = [{"sku": "A", "qty": "ten"}, GOOD, {"sku": "C"}, {"sku": "D", "qty": "2x"}, {"qty": "1"}]

    assert import_report(rows) == [
        "row 3: add 'qty'",
        "row 5: add 'sku'",
        "row 1: fix 'qty' ('ten')",
        "row 4: fix 'qty' ('2x')",
    ]


@pytest.mark.parametrize(
    "rows, expected",
    [([GOOD], []), ([{"sku": "Z", "qty": "é"}], ["row 1: fix 'qty' ('é')"]), ([{"sku": "Z"}], ["row 1: add 'qty'"])],
    ids=["clean", "only-bad-numbers", "only-missing-fields"],
)
def test_the_report_handles_one_kind_or_none(rows, expected):
    assert import_report(rows) == expected


def test_the_report_does_not_swallow_other_kinds_of_failure(monkeypatch):
    class Duplicate(importer.BadRow):
        def __init__(self):
            super().__init__("sku", "duplicate")

    def fake_import(rows):
        errors = [importer.MissingField("qty"), Duplicate()]
        for number, error in enumerate(errors, start=1):
            error.add_note(f"row {number}")
        raise ExceptionGroup("2 of 2 rows failed", errors)

    monkeypatch.setattr(importer, "import_rows", fake_import)

    with pytest.raises(ExceptionGroup) as info:
        import_report([])

    assert [type(exc).__name__ for exc in info.value.exceptions] == ["Duplicate"], (
        "handle MissingField and BadNumber with except*, and let any other kind propagate"
    )
