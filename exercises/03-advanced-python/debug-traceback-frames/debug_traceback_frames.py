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
   followed by the description of the cause, built the same way - and so on down the chain,
   however long it is (the cause may have a cause of its own).

Any exception counts, Ctrl+C's KeyboardInterrupt too (BaseException, not only Exception). A
chain can loop back (`a.__cause__ = b; b.__cause__ = a`): stop when the next cause is one you
have already described, so that ValueError("first") in that loop with KeyError("second") gives
["ValueError: first", "caused by:", "KeyError: 'second'"].

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
    # TODO: while there is a __cause__ not yet described, add "caused by:" and describe it too.
    raise NotImplementedError
