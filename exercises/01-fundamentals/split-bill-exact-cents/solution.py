"""Operators and types: split a bill fairly, exactly, in whole cents."""

from decimal import Decimal, InvalidOperation


def to_cents(text: str) -> int:
    """Return the amount written in `text` as a whole number of cents."""
    try:
        value = Decimal(text)
    except InvalidOperation as err:
        raise ValueError(f"not an amount in cents: {text!r}") from err
    if not value.is_finite() or value.as_tuple().exponent < -2:
        raise ValueError(f"not an amount in cents: {text!r}")
    return int(value * 100)


def split_evenly(total_cents: int, people: int) -> list[int]:
    """Return shares that add up to total_cents, larger ones first."""
    if people < 1:
        raise ValueError(f"people must be at least 1, got {people}")
    share, extra = divmod(total_cents, people)
    return [share + 1] * extra + [share] * (people - extra)


def format_cents(cents: int) -> str:
    """Return cents as text with two decimals, e.g. 1234 -> "12.34"."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return f"{sign}{euros}.{rest:02d}"
