"""Turn form text into the right Python types (reference solution)."""

import math

YES = ("yes", "y", "true", "1")
NO = ("no", "n", "false", "0")


def parse_age(text: str) -> int:
    """Return the age in `text` as an int. Raise ValueError if it is negative."""
    age = int(text)
    if age < 0:
        raise ValueError("age must not be negative")
    return age


def parse_height(text: str) -> float:
    """Return the height in metres in `text` as a float."""
    height = float(text)
    if not (math.isfinite(height) and height > 0):
        raise ValueError(f"not a height in metres: {text!r}")
    return height


def parse_yes_no(text: str) -> bool:
    """Return True for a yes answer and False for a no answer."""
    answer = text.strip().lower()
    if answer in YES:
        return True
    if answer in NO:
        return False
    raise ValueError(f"not a yes/no answer: {text!r}")
