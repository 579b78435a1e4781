"""The two kinds of bad input, as exceptions."""


class RowError(ValueError):
    """One row of the CSV is wrong; the others may still be fine."""


class InputError(Exception):
    """The whole file is unusable (for example, a column is missing)."""
