"""A tokenizer from one regular expression: named alternatives, lastgroup, positions.

`tokenize(text)` splits a log-search query into tokens, left to right:

    tokenize('status>=500 and path~"/api/v1"')
    # -> [Token("NAME", "status", 0), Token("OP", ">=", 6), Token("NUMBER", 500, 8),
    #     Token("KEYWORD", "and", 12), Token("NAME", "path", 16), Token("OP", "~", 20),
    #     Token("STRING", "/api/v1", 21)]

A Token is (kind, value, pos), pos being the index in `text` where it starts.
The kinds, tried in this order at each position:

- whitespace: skipped, no token;
- NUMBER: ASCII digits, optionally a '.' and more ASCII digits; the value is an
  int (`500`) or a float (`2.5`). `\\d` would also match '٣': use [0-9];
- STRING: between double quotes; inside, a backslash makes the next character
  literal (`\\"` is a quote, `\\\\` a backslash); the value is the text
  between the quotes with those escapes undone (`"say \\"hi\\""` -> `say "hi"`).
  Each string ends at its own closing quote: `"a" = "b"` is two strings;
- KEYWORD: and, or, not, in any case, as WHOLE words ('order' and 'not_found'
  are names); the value is lower-cased ('AND' -> 'and');
- NAME: an ASCII letter or '_', then ASCII letters, digits or '_';
- OP: one of >= <= != = < > ~ (the two-character ones first: '>=' is one token);
- LPAREN '(' and RPAREN ')'.

Anything else raises TokenizeError(f"unexpected {char!r} at {pos}"), and a
quote that is never closed raises TokenizeError(f"unterminated string at {pos}")
with the position of the opening quote. Never skip a character silently.

Build ONE compiled pattern of named alternatives, `(?P<NUMBER>...)|(?P<STRING>...)|...`
(re.VERBOSE helps), and walk the text with `pattern.match(text, pos)`:
`match.lastgroup` names the alternative that matched.
"""

from typing import NamedTuple


class Token(NamedTuple):
    kind: str
    value: object
    pos: int


class TokenizeError(ValueError):
    """The text has something that is not a token."""


def tokenize(text: str) -> list[Token]:
    """Split a query into tokens; raise TokenizeError on anything unknown."""
    # TODO
    raise NotImplementedError
