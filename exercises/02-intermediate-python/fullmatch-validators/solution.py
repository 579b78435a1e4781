"""Validate user input with regular expressions and re.fullmatch."""

import re

USERNAME = re.compile(r"[a-z][a-z0-9_]{2,15}")
HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
VERSION = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")


def is_username(text: str) -> bool:
    """Return True if text is a valid username."""
    return USERNAME.fullmatch(text) is not None


def is_hex_colour(text: str) -> bool:
    """Return True if text is a CSS hex colour such as '#fff' or '#1a2b3c'."""
    return HEX_COLOUR.fullmatch(text) is not None


def is_version(text: str) -> bool:
    """Return True if text is a MAJOR.MINOR.PATCH version."""
    return VERSION.fullmatch(text) is not None


def parse_version(text: str) -> tuple[int, int, int]:
    """Return (major, minor, patch), or raise ValueError for an invalid version."""
    match = VERSION.fullmatch(text)
    if match is None:
        raise ValueError(f"invalid version {text!r}: expected MAJOR.MINOR.PATCH")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch
