"""Total the expenses per category, lay out the report, and save it safely.

summarise(expenses) -> dict[str, Decimal]
- The total amount per category, as Decimal, with the categories in
  alphabetical order. No expenses: {}.

render_report(totals, errors, source) -> str   (already written)

write_text_atomic(path, text) -> None
- Writes `text` to `path` as UTF-8 so that `path` only ever holds the old
  report or the complete new one: write a temporary file in path's folder
  (tempfile.mkstemp(dir=path.parent)), then os.replace() it onto `path`.
- If anything fails (even KeyboardInterrupt), remove the temporary file and
  let the exception propagate; the old report stays as it was.
"""

import os
import tempfile
from decimal import Decimal
from pathlib import Path

from .models import Expense


def summarise(expenses: list[Expense]) -> dict[str, Decimal]:
    """Return {category: total amount}, categories in alphabetical order."""
    # TODO
    raise NotImplementedError


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
    # TODO: temp file in the same folder, os.replace, clean up on any error.
    raise NotImplementedError
