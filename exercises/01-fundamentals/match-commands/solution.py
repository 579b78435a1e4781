"""A tiny stack language: for, continue, break, else and match (reference solution)."""


def take(stack: list[int], line_no: int) -> int:
    """Pop the top of the stack, or raise ValueError if it is empty."""
    if not stack:
        raise ValueError(f"line {line_no}: stack underflow")
    return stack.pop()


def run_program(source: str) -> list[int]:
    """Run `source` and return the stack, bottom first."""
    stack: list[int] = []
    for line_no, line in enumerate(source.splitlines(), start=1):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        match words:
            case ["push", value]:
                stack.append(int(value))
            case ["pop"]:
                take(stack, line_no)
            case ["dup"]:
                top = take(stack, line_no)
                stack += [top, top]
            case ["add"]:
                right, left = take(stack, line_no), take(stack, line_no)
                stack.append(left + right)
            case ["sub"]:
                right, left = take(stack, line_no), take(stack, line_no)
                stack.append(left - right)
            case ["mul"]:
                right, left = take(stack, line_no), take(stack, line_no)
                stack.append(left * right)
            case ["end"]:
                break
            case _:
                raise ValueError(f"line {line_no}: unknown command {line.strip()!r}")
    else:
        raise ValueError("program has no 'end' line")
    return stack
