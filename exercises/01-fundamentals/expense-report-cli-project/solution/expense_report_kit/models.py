"""One expense, built from one CSV row, or a RowError saying what is wrong."""

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
        date_text = (row.get("date") or "").strip()
        try:
            when = datetime.strptime(date_text, "%Y-%m-%d").date()
        except ValueError as err:
            raise RowError(f"bad date {date_text!r}") from err

        category = (row.get("category") or "").strip().lower()
        if not category:
            raise RowError("empty category")

        amount_text = (row.get("amount") or "").strip()
        try:
            amount = Decimal(amount_text)
        except InvalidOperation as err:
            raise RowError(f"bad amount {amount_text!r}") from err
        if not amount.is_finite():
            raise RowError(f"bad amount {amount_text!r}")
        if amount.as_tuple().exponent < -2:
            raise RowError(f"amount has more than 2 decimal places: {amount_text!r}")
        if amount <= 0:
            raise RowError(f"amount must be positive, got {amount}")

        note = (row.get("note") or "").strip()
        return cls(when, category, amount, note)
