"""Total the expenses per category, lay out the report, and save it safely."""

import os
import tempfile
from decimal import Decimal
from pathlib import Path

from .models import Expense


def summarise(expenses: list[Expense]) -> dict[str, Decimal]:
    """Return {category: total amount}, categories in alphabetical order."""
    totals: dict[str, Decimal] = {}
    for expense in expenses:
        totals[expense.category] = totals.get(expense.category, Decimal(0)) + expense.amount
    return dict(sorted(totals.items()))


def render_report(totals: dict[str, Decimal], errors: list[str], source: str) -> str:
    """Return the report text for `totals` (and skipped rows) read from `source`."""
    lines = [f"Expenses in {source}"]
    for category, total in totals.items():
        lines.append(f"{category:<20}{total:>10.2f}")
    lines.append(f"{'TOTAL':<20}{sum(totals.values(), Decimal(0)):>10.2f}")
    if errors:
        lines.append(f"Skipped {len(errors)} bad row(s):")
        lines.extend(f"  {error}" for error in errors)
    return "\n".join(lines) + "\n"


def write_text_atomic(path: Path, text: str) -> None:
    """Replace the file at `path` with `text` (UTF-8), atomically."""
    fd, temp_name = tempfile.mkstemp(dir=path.parent)
    try:
        with open(fd, "w", encoding="utf-8") as temp:
            temp.write(text)
        os.replace(temp_name, path)
    except BaseException:
        os.unlink(temp_name)
        raise
