"""The string calculator, grown one step at a time by the tests in string_calculator_tdd.py."""

import re


def add(numbers: str) -> int:
    """Add up the numbers in a string; see string_calculator_tdd.py for the rules."""
    delimiters = [",", "\n"]
    if numbers.startswith("//"):
        custom, _, numbers = numbers[2:].partition("\n")
        delimiters.append(custom)
    if not numbers:
        return 0
    values = [int(part) for part in re.split("|".join(map(re.escape, delimiters)), numbers)]
    negatives = [str(value) for value in values if value < 0]
    if negatives:
        raise ValueError(f"negatives not allowed: {', '.join(negatives)}")
    return sum(values)
