import os
import sys
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from expense_report_cli_project import main
from expense_report_kit import models
from expense_report_kit.errors import InputError, RowError
from expense_report_kit.loader import load_expenses
from expense_report_kit.models import Expense
from expense_report_kit.report import render_report, summarise, write_text_atomic

GOOD_CSV = (
    "date,category,amount,note\r\n"
    '2024-05-01,Travel,120.40,"Train to Lyon, return"\r\n'
    "2024-05-02,food,18.90,Lunch\r\n"
    '2024-05-02,Food ,7.15,"Coffee ""to go"""\r\n'
    "2024-05-05,office,42,Printer paper\r\n"
)
GOOD_REPORT = (
    "Expenses in expenses.csv\n"
    "food                     26.05\n"
    "office                   42.00\n"
    "travel                  120.40\n"
    "TOTAL                   188.45\n"
)
BAD_CSV = GOOD_CSV + "2024-05-06,travel,abc,Taxi\r\n2024-05-07,office,-5.00,Refund\r\n"
BAD_REPORT = GOOD_REPORT + (
    "Skipped 2 bad row(s):\n"
    "  line 6: bad amount 'abc'\n"
    "  line 7: amount must be positive, got -5.00\n"
)
BAD_WARNINGS = "warning: line 6: bad amount 'abc'\nwarning: line 7: amount must be positive, got -5.00\n"


@pytest.fixture
def write_csv(tmp_path):
    def write(text: str, name: str = "expenses.csv", *, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write


def names_in(folder: Path) -> set[str]:
    return {entry.name for entry in folder.iterdir()}


# --- models.py: one row -------------------------------------------------------------


def test_from_row_builds_an_expense_with_a_date_and_an_exact_decimal():
    expense = Expense.from_row({"date": " 2024-05-01 ", "category": " Travel ", "amount": " 120.40 ",
                                "note": "  Train  "})

    assert type(expense.amount) is Decimal, "money must be a Decimal, never a float"
    assert expense == Expense(date(2024, 5, 1), "travel", Decimal("120.40"), "Train")


@pytest.mark.parametrize("note", [None, ""], ids=["short-row-none", "empty"])
def test_from_row_allows_an_empty_or_missing_note(note):
    assert Expense.from_row({"date": "2024-05-01", "category": "food", "amount": "3", "note": note}).note == ""
    assert Expense.from_row({"date": "2024-05-01", "category": "food", "amount": "3"}).note == ""


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date": "2024-13-01"}, "bad date '2024-13-01'"),
        ({"date": "yesterday"}, "bad date 'yesterday'"),
        ({"date": None}, "bad date ''"),
        ({"category": "   "}, "empty category"),
        ({"category": None}, "empty category"),
        ({"amount": "abc"}, "bad amount 'abc'"),
        ({"amount": None}, "bad amount ''"),
        ({"amount": "12,50"}, "bad amount '12,50'"),
        ({"amount": "NaN"}, "bad amount 'NaN'"),
        ({"amount": "Infinity"}, "bad amount 'Infinity'"),
        ({"amount": "1.005"}, "amount has more than 2 decimal places: '1.005'"),
        ({"amount": "-5.00"}, "amount must be positive, got -5.00"),
        ({"amount": "0"}, "amount must be positive, got 0"),
        ({"amount": "0.00"}, "amount must be positive, got 0.00"),
    ],
    ids=[
        "month-13", "not-a-date", "no-date", "blank-category", "no-category", "amount-not-a-number",
        "no-amount", "decimal-comma", "nan", "infinity", "three-decimal-places", "negative",
        "zero", "zero-with-cents",
    ],
)
def test_from_row_refuses_a_bad_field_with_a_row_error(changes, message):
    row = {"date": "2024-05-01", "category": "food", "amount": "3.50", "note": ""} | changes

    with pytest.raises(RowError) as excinfo:
        Expense.from_row(row)

    assert str(excinfo.value) == message


@pytest.mark.parametrize("amount", ["12.5", "12.50", "0.01", "1000"], ids=["one-decimal", "two-decimals",
                                                                            "one-cent", "whole"])
def test_from_row_accepts_amounts_with_up_to_two_decimal_places(amount):
    row = {"date": "2024-05-01", "category": "food", "amount": amount}

    assert Expense.from_row(row).amount == Decimal(amount)


@pytest.mark.parametrize(
    ("changes", "cause"),
    [({"date": "2024-02-30"}, ValueError), ({"amount": "abc"}, InvalidOperation)],
    ids=["date", "amount"],
)
def test_from_row_keeps_the_original_error_as_the_cause(changes, cause):
    row = {"date": "2024-05-01", "category": "food", "amount": "3.50"} | changes

    with pytest.raises(RowError) as excinfo:
        Expense.from_row(row)

    assert isinstance(excinfo.value.__cause__, cause), "raise the RowError `from` the original error"


# --- loader.py: a file of rows ------------------------------------------------------


def test_load_returns_the_good_expenses_and_numbered_errors(write_csv):
    expenses, errors = load_expenses(write_csv(BAD_CSV))

    assert [e.category for e in expenses] == ["travel", "food", "food", "office"]
    assert expenses[0] == Expense(date(2024, 5, 1), "travel", Decimal("120.40"), "Train to Lyon, return")
    assert expenses[2].note == 'Coffee "to go"', "read the file with the csv module: it undoes the quoting"
    assert errors == ["line 6: bad amount 'abc'", "line 7: amount must be positive, got -5.00"], (
        "the header is line 1, so the first data row is line 2"
    )


def test_load_counts_lines_of_a_note_that_spans_two_lines(write_csv):
    text = ("date,category,amount,note\r\n"
            '2024-05-01,food,3.00,"first line\r\nsecond line"\r\n'
            "2024-05-02,food,oops,\r\n")

    expenses, errors = load_expenses(write_csv(text))

    assert expenses[0].note == "first line\r\nsecond line", (
        "a quoted note keeps its line break exactly: open the file with newline=''"
    )
    assert errors == ["line 4: bad amount 'oops'"], "the line number is csv.DictReader's line_num"


def test_load_reads_a_file_saved_by_excel_with_a_bom(write_csv):
    try:
        expenses, errors = load_expenses(write_csv(GOOD_CSV, encoding="utf-8-sig"))
    except InputError as err:
        pytest.fail(f"{err}: the file starts with a BOM, so the first column read as '\\ufeffdate'")

    assert (len(expenses), errors) == (4, []), "open with encoding='utf-8-sig' so the BOM is not part of 'date'"


def test_load_accepts_columns_in_any_order_and_ignores_extra_ones(write_csv):
    expenses, errors = load_expenses(write_csv("amount,project,category,date\n9.99,X,Books,2024-05-09\n"))

    assert expenses == [Expense(date(2024, 5, 9), "books", Decimal("9.99"), "")]
    assert errors == []


@pytest.mark.parametrize(
    ("header", "missing"),
    [("date,category,note", "amount"), ("category,amount", "date"), ("Date,Category,Amount", "date"),
     ("date,amount", "category"), ("", "date")],
    ids=["no-amount", "no-date", "capitalised-names", "no-category", "empty-file"],
)
def test_load_refuses_a_file_without_a_required_column(write_csv, header, missing):
    path = write_csv(header + "\n" if header else "")

    with pytest.raises(InputError) as excinfo:
        load_expenses(path)

    assert str(excinfo.value) == f"expenses.csv: missing column '{missing}'"


def test_load_lets_a_missing_file_raise(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_expenses(tmp_path / "nowhere.csv")


def test_load_lets_bugs_propagate_instead_of_reporting_them_as_bad_rows(write_csv, monkeypatch):
    def buggy_from_row(cls, row):
        raise RuntimeError("a bug in from_row")

    monkeypatch.setattr(models.Expense, "from_row", classmethod(buggy_from_row))

    with pytest.raises(RuntimeError, match="a bug in from_row"):
        load_expenses(write_csv(GOOD_CSV))
    # Catching Exception (or everything) would turn this bug into "bad rows" and hide it.


# --- report.py ------------------------------------------------------------------------


def test_summarise_totals_each_category_exactly_in_alphabetical_order():
    expenses = [Expense(date(2024, 5, 1), "travel", Decimal("0.10")),
                Expense(date(2024, 5, 1), "food", Decimal("0.20")),
                Expense(date(2024, 5, 2), "travel", Decimal("0.20")),
                Expense(date(2024, 5, 3), "books", Decimal("5"))]

    totals = summarise(expenses)

    assert list(totals.items()) == [("books", Decimal("5")), ("food", Decimal("0.20")),
                                    ("travel", Decimal("0.30"))], (
        "one exact Decimal total per category, categories in alphabetical order"
    )
    assert all(type(total) is Decimal for total in totals.values()), "keep the totals as Decimal"


def test_summarise_of_nothing_is_empty():
    assert summarise([]) == {}


def test_an_expense_made_without_a_note_has_an_empty_note():
    assert Expense(date(2024, 5, 1), "food", Decimal("1")).note == ""


def test_render_report_lays_out_totals_and_skipped_rows():
    totals = {"food": Decimal("26.05"), "travel": Decimal("120.4")}

    assert render_report(totals, ["line 3: empty category"], "may.csv") == (
        "Expenses in may.csv\n"
        "food                     26.05\n"
        "travel                  120.40\n"
        "TOTAL                   146.45\n"
        "Skipped 1 bad row(s):\n"
        "  line 3: empty category\n"
    )
    assert render_report({}, [], "empty.csv") == "Expenses in empty.csv\nTOTAL                     0.00\n"


@pytest.fixture
def old_report(tmp_path):
    path = tmp_path / "out" / "report.txt"
    path.parent.mkdir()
    path.write_text("old report\n", encoding="utf-8")
    return path


def test_write_text_atomic_replaces_the_file_with_utf8_text(old_report):
    with old_report.open(encoding="utf-8") as opened_before:
        write_text_atomic(old_report, "Café 12.00\n")
        seen_by_old_reader = opened_before.read()

    assert old_report.read_bytes() == "Café 12.00\n".encode("utf-8")
    assert seen_by_old_reader == "old report\n", (
        "the report was overwritten in place: write a temporary file and os.replace() it onto the path"
    )
    assert names_in(old_report.parent) == {"report.txt"}, "no temporary file may be left behind"


def test_write_text_atomic_makes_its_temporary_file_in_the_same_folder(old_report, monkeypatch):
    sources = []
    real_replace = os.replace

    def spy_replace(src, dst, *args, **kwargs):
        sources.append(Path(src))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", spy_replace)

    write_text_atomic(old_report, "new\n")

    assert sources and sources[-1].parent == old_report.parent, (
        "create the temporary file with tempfile.mkstemp(dir=path.parent) and swap it in with "
        "os.replace: a rename is only atomic inside one folder's file system"
    )


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()],
                         ids=["disk-full", "ctrl-c"])
def test_write_text_atomic_cleans_up_and_keeps_the_old_file_when_it_fails(old_report, monkeypatch, error):
    def failing_replace(src, dst, *args, **kwargs):
        raise error

    monkeypatch.setattr(os, "replace", failing_replace)

    with pytest.raises(type(error)):
        write_text_atomic(old_report, "new\n")

    assert old_report.read_text(encoding="utf-8") == "old report\n"
    assert names_in(old_report.parent) == {"report.txt"}, (
        f"the temporary file was left behind after {type(error).__name__}: remove it in "
        "`except BaseException:` (KeyboardInterrupt is not an Exception) and re-raise"
    )


# --- main(): the program --------------------------------------------------------------


def test_main_prints_the_report_and_returns_0_for_a_good_file(write_csv, capsys):
    path = write_csv(GOOD_CSV)

    assert main([str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == GOOD_REPORT, "the report's first line names the input file (its name, not its whole path)"
    assert err == ""


def test_main_warns_about_bad_rows_on_stderr_and_returns_1(write_csv, capsys):
    path = write_csv(BAD_CSV)

    assert main([str(path)]) == 1, "a file with bad rows exits with 1, even though a report is made"
    out, err = capsys.readouterr()
    assert out == BAD_REPORT, "stdout holds only the report; the warnings go to stderr"
    assert err == BAD_WARNINGS, "warnings go to stderr (print(..., file=sys.stderr)), not into the report"


def test_main_saves_the_report_with_out(write_csv, tmp_path, capsys):
    path = write_csv(BAD_CSV)
    out_path = tmp_path / "report.txt"

    assert main([str(path), "--out", str(out_path)]) == 1
    out, err = capsys.readouterr()
    assert out == f"Report written to {out_path}\n"
    assert err == BAD_WARNINGS
    assert out_path.read_text(encoding="utf-8") == BAD_REPORT


def test_main_strict_refuses_bad_rows_and_keeps_the_old_report(write_csv, old_report, capsys):
    path = write_csv(BAD_CSV)

    assert main([str(path), "--strict", "--out", str(old_report)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == BAD_WARNINGS + "error: 2 bad row(s), no report written\n"
    assert old_report.read_text(encoding="utf-8") == "old report\n", (
        "--strict must not write anything when a row is bad"
    )
    assert names_in(old_report.parent) == {"report.txt"}


def test_main_strict_with_a_good_file_writes_the_report(write_csv, tmp_path, capsys):
    out_path = tmp_path / "report.txt"

    assert main(["--strict", str(write_csv(GOOD_CSV)), "--out", str(out_path)]) == 0
    assert out_path.read_text(encoding="utf-8") == GOOD_REPORT


def test_main_reports_a_missing_input_file_and_returns_2(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)

    assert main(["missing.csv"]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", "error: cannot read 'missing.csv': no such file\n")


def test_main_reports_a_file_without_a_required_column_and_returns_2(write_csv, capsys):
    path = write_csv("date,category\n2024-05-01,food\n", name="may.csv")

    assert main([str(path)]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", "error: may.csv: missing column 'amount'\n")


def test_main_keeps_nothing_between_calls(write_csv, capsys):
    bad, good = write_csv(BAD_CSV, name="bad.csv"), write_csv(GOOD_CSV)

    assert main([str(bad)]) == 1
    capsys.readouterr()

    assert main([str(good)]) == 0, "errors from an earlier call leaked into this one"
    out, err = capsys.readouterr()
    assert (out, err) == (GOOD_REPORT, "")


def test_main_without_an_input_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as excinfo:
        main([])

    assert excinfo.value.code == 2, "let argparse report a missing INPUT (it exits with 2)"


def test_main_reads_sys_argv_when_given_no_arguments(write_csv, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["expenses", str(write_csv(GOOD_CSV))])

    assert main() == 0
    assert capsys.readouterr().out == GOOD_REPORT
