"""Leap years and valid dates: and, or, not, chained comparisons (reference solution)."""


def is_leap_year(year: int) -> bool:
    """Return True if `year` is a leap year in the Gregorian calendar."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Return the number of days in `month` (1 = January) of `year`."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month}")
    if month == 2:
        return 29 if is_leap_year(year) else 28
    if month in (4, 6, 9, 11):
        return 30
    return 31


def is_valid_date(year: int, month: int, day: int) -> bool:
    """Return True if year-month-day is a real date (year is any int)."""
    return 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)
