"""Validate user input with regular expressions and re.fullmatch.

A validator must accept a string only if ALL of it fits the rule. ``re.search``
finds the pattern anywhere and ``re.match`` only pins the start, so both let junk
through; ``re.fullmatch`` pins both ends.

Rules:

* username: 3 to 16 characters; lower-case ASCII letters, digits 0-9 and '_';
  it must start with a letter.                  "ada_99" ok, "9ada", "Ada" not
* hex colour: '#' then exactly 3 or 6 hex digits, either case.
                                                 "#fff", "#1A2b3C" ok, "#abcd" not
* version: MAJOR.MINOR.PATCH, three numbers 0-9 without leading zeros.
                                                 "1.0.12" ok, "1.02.0", "1.0" not

``parse_version`` returns the three numbers, or raises
ValueError("invalid version '...': expected MAJOR.MINOR.PATCH").

    >>> is_username("ada_99"), is_username("ada_99\\n")
    (True, False)
    >>> parse_version("3.11.7")
    (3, 11, 7)

Compile each pattern once, at module level, and use ``PATTERN.fullmatch(text)``.
"""

import re

USERNAME = re.compile(r"")  # TODO: write the pattern
HEX_COLOUR = re.compile(r"")  # TODO: write the pattern
VERSION = re.compile(r"")  # TODO: write the pattern (with groups for parse_version)


def is_username(text: str) -> bool:
    """Return True if text is a valid username."""
    # TODO
    raise NotImplementedError


def is_hex_colour(text: str) -> bool:
    """Return True if text is a CSS hex colour such as '#fff' or '#1a2b3c'."""
    # TODO
    raise NotImplementedError


def is_version(text: str) -> bool:
    """Return True if text is a MAJOR.MINOR.PATCH version."""
    # TODO
    raise NotImplementedError


def parse_version(text: str) -> tuple[int, int, int]:
    """Return (major, minor, patch), or raise ValueError for an invalid version."""
    # TODO
    raise NotImplementedError
