"""A tiny stack language: for, continue, break, else and match.

Config files, chat bots and network protocols are all "read a line, decide
what it means, act". Here the lines drive a stack of ints:

    push N    put the integer N on top (N may be negative)
    pop       remove the top value
    dup       put a second copy of the top value on top
    add       take the top two values, push  lower + top
    sub       take the top two values, push  lower - top
    mul       take the top two values, push  lower * top
    end       stop; the lines after `end` are ignored, even nonsense
    # ...     a comment (the first word starts with #): skipped, like blank
              lines and surrounding spaces

run_program(source) returns the stack as a list, bottom first:

    >>> run_program("push 10\\npush 3\\nsub\\ndup\\nend")
    [7, 7]

Errors (ValueError, counting lines from 1, blank and comment lines included):
- taking from an empty stack:   line 3: stack underflow
- any other line:               line 2: unknown command 'jump 4'
  (shown without the surrounding spaces; `push` with no number is one too,
  and so is a command with a word too many, such as `pop 1` or `end now`)
- no `end` line at all:         program has no 'end' line
A `push` whose argument is not an integer may raise int()'s own ValueError.

Use `continue` to skip lines, `match` to pick the command, `break` for `end`,
and the `else:` block of the `for` loop, which runs only if no `break` happened.
"""


def take(stack: list[int], line_no: int) -> int:
    """Pop the top of the stack, or raise ValueError if it is empty."""
    if not stack:
        raise ValueError(f"line {line_no}: stack underflow")
    return stack.pop()


def run_program(source: str) -> list[int]:
    """Run `source` and return the stack, bottom first."""
    stack: list[int] = []
    for line_no, line in enumerate(source.splitlines(), start=1):
        words = line.split()  # "  push 3 " -> ["push", "3"]
        # TODO: skip blank lines and comments with `continue`
        # TODO: `match words:` with one `case` per command, for example
        #           case ["push", value]:
        #               stack.append(int(value))
        #       `case ["end"]:` leaves the loop with `break`, and `case _:` catches
        #       everything else.
    # TODO: turn this loop into `for ... else:` and raise in the else block,
    #       which runs only when the loop ended without `break`
    return stack
