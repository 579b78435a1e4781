"""Balanced brackets with a stack.

Write `check_brackets(text)`, a tiny linter for (), [] and {}. Every other
character is ignored. When the brackets are fine it returns None; otherwise
it raises ValueError naming the first problem it meets:

- a closer that does not match the most recent open bracket (or has none):
      ValueError("unexpected ']' at index 3")
- when the text ends with brackets still open, the innermost (last opened) one:
      ValueError("unclosed '(' at index 5")

Then write `is_balanced(text)`, which returns True or False using check_brackets:
only check_brackets' ValueError means False. Any other error (a TypeError for a
text that is not a str, say) must reach the caller.

Example:
    >>> is_balanced("f(a[0], {'k': 1})")
    True
    >>> check_brackets("(a]")
    Traceback (most recent call last):
    ...
    ValueError: unexpected ']' at index 2

Indexes count characters from 0. The text may be very deeply nested
(100 000 brackets), so use a loop and a stack, not recursion.
"""

OPENERS = "([{"
PAIRS = {")": "(", "]": "[", "}": "{"}


def check_brackets(text: str) -> None:
    """Raise ValueError describing the first bracket problem in text."""
    # TODO: walk the text with enumerate(), keeping a stack of open brackets
    raise NotImplementedError


def is_balanced(text: str) -> bool:
    """Return True if every bracket in text is closed in the right order."""
    # TODO: call check_brackets and turn its ValueError into False
    raise NotImplementedError
