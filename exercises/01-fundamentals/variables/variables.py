"""Turn form text into the right Python types.

A sign-up form hands your program every field as a str. Before you can do
arithmetic or make decisions you have to convert each field to the type it
really is, and the obvious conversion is not always the right one:

    >>> int(" 42 ")       # int() ignores surrounding whitespace
    42
    >>> bool("no")        # any non-empty string is truthy!
    True

Write three converters:

- parse_age("  42 ") -> 42          an int; negative ages raise ValueError
- parse_height("1.80") -> 1.8       a float in metres; float() also reads
                                    "nan", "inf" and "-2", which are no
                                    heights: anything that is not a finite
                                    number above 0 raises ValueError with
                                    the message  not a height in metres: 'nan'
                                    (math.isfinite tells the finite ones)
- parse_yes_no("Yes") -> True       "yes"/"y"/"true"/"1" are True,
                                    "no"/"n"/"false"/"0" are False,
                                    in any letter case, spaces around allowed;
                                    the whole answer must be one of these
                                    words ("yes please", "ye" are not);
                                    anything else raises ValueError
                                    with the message  not a yes/no answer: 'maybe'

Example:
    >>> parse_age("7"), parse_height(" 1.65"), parse_yes_no(" NO ")
    (7, 1.65, False)
"""


def parse_age(text: str) -> int:
    """Return the age in `text` as an int. Raise ValueError if it is negative."""
    # TODO: convert the text to an int (int() raises ValueError for "4.5" or "abc"
    # by itself), then reject negative ages with
    # ValueError("age must not be negative")
    return text  # wrong type: still a str


def parse_height(text: str) -> float:
    """Return the height in metres in `text` as a float."""
    # TODO: convert the text to a float, then reject what is not a finite number
    # above 0 with ValueError(f"not a height in metres: {text!r}")
    raise NotImplementedError


def parse_yes_no(text: str) -> bool:
    """Return True for a yes answer and False for a no answer."""
    # TODO: bool(text) is True for "no" too; compare the cleaned-up text instead
    return bool(text)
