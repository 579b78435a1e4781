"""Balanced brackets with a stack (reference solution)."""

OPENERS = "([{"
PAIRS = {")": "(", "]": "[", "}": "{"}


def check_brackets(text: str) -> None:
    """Raise ValueError describing the first bracket problem in text."""
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        if char in OPENERS:
            stack.append((char, index))
        elif char in PAIRS:
            if not stack or stack[-1][0] != PAIRS[char]:
                raise ValueError(f"unexpected {char!r} at index {index}")
            stack.pop()
    if stack:
        char, index = stack[-1]
        raise ValueError(f"unclosed {char!r} at index {index}")


def is_balanced(text: str) -> bool:
    """Return True if every bracket in text is closed in the right order."""
    try:
        check_brackets(text)
    except ValueError:
        return False
    return True
