"""A tokenizer from one regular expression: named alternatives, lastgroup, positions."""

import re
from typing import NamedTuple


class Token(NamedTuple):
    kind: str
    value: object
    pos: int


class TokenizeError(ValueError):
    """The text has something that is not a token."""


_TOKEN = re.compile(
    r"""
      (?P<SPACE>\s+)
    | (?P<NUMBER>[0-9]+(?:\.[0-9]+)?)
    | (?P<STRING>"(?:[^"\\]|\\.)*")
    | (?P<KEYWORD>(?i:and|or|not)\b)
    | (?P<NAME>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<OP>>=|<=|!=|=|<|>|~)
    | (?P<LPAREN>\()
    | (?P<RPAREN>\))
    | (?P<OPEN_QUOTE>")
    """,
    re.VERBOSE,
)


def _value(kind: str, text: str) -> object:
    if kind == "NUMBER":
        return float(text) if "." in text else int(text)
    if kind == "STRING":
        return re.sub(r"\\(.)", r"\1", text[1:-1])
    if kind == "KEYWORD":
        return text.lower()
    return text


def tokenize(text: str) -> list[Token]:
    """Split a query into tokens; raise TokenizeError on anything unknown."""
    tokens = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            raise TokenizeError(f"unexpected {text[pos]!r} at {pos}")
        kind = match.lastgroup
        if kind == "OPEN_QUOTE":
            raise TokenizeError(f"unterminated string at {pos}")
        if kind != "SPACE":
            tokens.append(Token(kind, _value(kind, match.group()), pos))
        pos = match.end()
    return tokens
