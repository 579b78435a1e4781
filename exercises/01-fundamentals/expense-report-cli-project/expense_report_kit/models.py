"""One expense, built from one CSV row, or a RowError saying what is wrong.

Expense is a frozen dataclass: date (datetime.date), category (str),
amount (decimal.Decimal, never float: money must add up exactly), note (str).

Expense.from_row(row) takes a dict of column -> text, as csv.DictReader
gives it (a value may be None when a row is short; treat None as ""), and
raises RowError with exactly these messages:

- date: the text, stripped, in the form YYYY-MM-DD
  (datetime.strptime(text, "%Y-%m-%d")); otherwise
  RowError("bad date '2024-13-01'"), raised from the original error.
- category: stripped and lower-cased ("Food " -> "food"); if that leaves
  nothing, RowError("empty category").
- amount: the stripped text as a Decimal; text that is not a number, or
  "NaN" / "Infinity", gives RowError("bad amount 'abc'") (raised from the
  decimal error when there is one). More than two decimal places gives
  RowError("amount has more than 2 decimal places: '1.005'"). Zero or less
  gives RowError("amount must be positive, got -5.00").
- note: stripped; may be empty or missing.

    Expense.from_row({"date": "2024-05-01", "category": " Travel",
                      "amount": "120.40", "note": "Train"})
    # -> Expense(date=datetime.date(2024, 5, 1), category='travel',
    #            amount=Decimal('120.40'), note='Train')
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from .errors import RowError


@dataclass(frozen=True)
class Expense:
    date: date
    category: str
    amount: Decimal
    note: str = ""

    @classmethod
    def from_row(cls, row: dict[str, str | None]) -> "Expense":
        """Build an Expense from one CSV row, or raise RowError."""
        # TODO: parse and check each field as the module docstring says.
        raise NotImplementedError
