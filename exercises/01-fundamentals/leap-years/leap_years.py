"""Leap years and valid dates: and, or, not, chained comparisons.

The Gregorian rule: a year is a leap year if it is divisible by 4,
except years divisible by 100, unless they are also divisible by 400.
So 2024 and 2000 are leap years; 2023 and 1900 are not.

Write each answer as ONE boolean expression. Three operator facts help:

- `and` binds tighter than `or`:  a or b and c  means  a or (b and c).
  Add parentheses when you mean something else, or just to be clear.
- Comparisons chain:  1 <= month <= 12  means  1 <= month and month <= 12.
- `and` short-circuits: in  x and y, y is not evaluated at all when x is false.

Functions:
- is_leap_year(2024) -> True
- days_in_month(2024, 2) -> 29       month outside 1..12 raises ValueError
- is_valid_date(2023, 2, 29) -> False  never raises, not even for month 13

(The standard library has calendar.isleap and calendar.monthrange, and the
tests use them to check you; here you write the logic yourself.)
"""


def is_leap_year(year: int) -> bool:
    """Return True if `year` is a leap year in the Gregorian calendar."""
    # TODO: one boolean expression with %, ==, !=, and, or
    return year % 4 == 0  # almost: wrong for 1900 and 2100


def days_in_month(year: int, month: int) -> int:
    """Return the number of days in `month` (1 = January) of `year`."""
    # TODO: month outside 1..12 -> ValueError(f"month must be 1..12, got {month}")
    # February has 29 days in leap years, April, June, September and November 30,
    # the other months 31.
    raise NotImplementedError


def is_valid_date(year: int, month: int, day: int) -> bool:
    """Return True if year-month-day is a real date (year is any int)."""
    # TODO: one expression with two chained comparisons joined by `and`
    raise NotImplementedError
