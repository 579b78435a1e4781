"""Read an expenses CSV into Expense objects, collecting the bad rows."""

import csv
from pathlib import Path

from .errors import InputError, RowError
from .models import Expense

REQUIRED_COLUMNS = ("date", "category", "amount")


def load_expenses(path: Path) -> tuple[list[Expense], list[str]]:
    """Return (good expenses, "line N: problem" messages) for the CSV at `path`."""
    expenses: list[Expense] = []
    errors: list[str] = []
    with path.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        columns = reader.fieldnames or []
        for column in REQUIRED_COLUMNS:
            if column not in columns:
                raise InputError(f"{path.name}: missing column {column!r}")
        for row in reader:
            try:
                expense = Expense.from_row(row)
            except RowError as err:
                errors.append(f"line {reader.line_num}: {err}")
            else:
                expenses.append(expense)
    return expenses, errors
