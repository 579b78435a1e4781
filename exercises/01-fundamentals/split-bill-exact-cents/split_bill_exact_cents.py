"""Operators and types: split a bill fairly, exactly, in whole cents.

Money in floats goes wrong in small ways that add up: float("0.29") * 100 is
28.999999999999996, so int() of it gives 28 cents. Read amounts as Decimal,
compute in whole cents (int), and use // % divmod to share them out.

    to_cents("19.99")          # -> 1999
    split_evenly(1000, 3)      # -> [334, 333, 333]   (adds up to 1000)
    split_evenly(-10, 3)       # -> [-3, -3, -4]      (a refund, still adds up)
    format_cents(-50)          # -> "-0.50"

to_cents(text) -> int
- "12.34" -> 1234, "12.3" -> 1230, " 12 " -> 1200, "-0.50" -> -50.
- Not a number (or "NaN", "Infinity"), or more than two decimal places:
  ValueError("not an amount in cents: '1.005'") (the text as given).

split_evenly(total_cents, people) -> list[int]
- `people` shares that add up to exactly total_cents and differ by at most
  one cent; the larger shares come first. Works for negative totals too
  (Python's // and % round down, so divmod(-10, 3) == (-4, 2)).
- people < 1 raises ValueError("people must be at least 1, got 0").

format_cents(cents) -> str
- "12.34", "0.05", "-0.50", "0.00": always two decimals, a minus sign for
  negative amounts, exact for any int (no float on the way: a float has
  only about 16 significant digits).
"""

from decimal import Decimal, InvalidOperation


def to_cents(text: str) -> int:
    """Return the amount written in `text` as a whole number of cents."""
    # TODO: float loses cents: int(float("0.29") * 100) is 28.
    return int(float(text) * 100)


def split_evenly(total_cents: int, people: int) -> list[int]:
    """Return shares that add up to total_cents, larger ones first."""
    # TODO
    raise NotImplementedError


def format_cents(cents: int) -> str:
    """Return cents as text with two decimals, e.g. 1234 -> "12.34"."""
    # TODO: a float cannot hold every large amount exactly.
    return f"{cents / 100:.2f}"
