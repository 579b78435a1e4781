"""Describe a caught exception, frame by frame.

In production you rarely get a debugger; you get an exception object in an `except` block and
whatever you log. The exception remembers every frame it passed through in `exc.__traceback__`,
and the `traceback` module can turn that into plain data.

Write `describe_exception(exc)`, returning a list of lines:

1. the exception's class name and message: "KeyError: 'price'" (just "ValueError" when the
   message is empty);
2. one line per frame, outermost call first:
       "  at <file base name>:<line number> in <function>: <source line>"
   (leave off ": <source line>" when the source text is not available);
3. if the exception was raised `from` another one (its `__cause__`), the line "caused by:"
   followed by the description of the cause, built the same way.

Example, with shop.py calling `load_price({"name": "tea"})` on line 14 and
`return item["price"]` on line 8:

    ["KeyError: 'price'",
     "  at shop.py:14 in main: load_price({'name': 'tea'})",
     "  at shop.py:8 in load_price: return item['price']"]

An exception that was never raised has no frames: just the first line.
Anything that is not an exception raises TypeError("expected an exception, got str").
"""

import traceback
from pathlib import Path


def describe_exception(exc: BaseException) -> list[str]:
    # TODO: reject non-exceptions with TypeError.
    # TODO: first line: class name, then ": message" when there is a message.
    # TODO: one line per frame of traceback.extract_tb(exc.__traceback__).
    # TODO: if exc.__cause__ is set, add "caused by:" and describe the cause too.
    raise NotImplementedError
