"""Read an expenses CSV into Expense objects, collecting the bad rows.

load_expenses(path) -> (expenses, errors)
- Opens `path` as UTF-8, with or without Excel's BOM (encoding="utf-8-sig"),
  and newline="" as the csv docs require; reads it with csv.DictReader.
- The header must have the columns date, category and amount (note is
  optional; any order; extra columns are ignored). Otherwise raise
  InputError("expenses.csv: missing column 'amount'") naming the file and
  the first missing column in that order. An empty file is missing 'date'.
- Every row becomes Expense.from_row(row). A row that raises RowError is
  skipped and reported as "line 4: bad amount 'abc'", where 4 is the row's
  line number in the file (the header is line 1; csv.DictReader's
  `line_num` after reading the row). Reading goes on after a bad row.
- Catch RowError only. Any other exception is a bug, not bad input, and
  must propagate. A missing file raises FileNotFoundError (let it).
- Returns the good expenses in file order and the error messages in order.
"""

import csv
from pathlib import Path

from .errors import InputError, RowError
from .models import Expense

REQUIRED_COLUMNS = ("date", "category", "amount")


def load_expenses(path: Path) -> tuple[list[Expense], list[str]]:
    """Return (good expenses, "line N: problem" messages) for the CSV at `path`."""
    # TODO
    raise NotImplementedError
