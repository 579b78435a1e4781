"""Debugging: record a call tree with sys.settrace.

Debuggers, coverage tools and profilers are built on one hook:
sys.settrace(tracer). Python then calls tracer(frame, event, arg) for
every new Python frame with event "call"; whatever the tracer RETURNS is
the local trace function for that frame, which then receives "line",
"return" (arg = the value returned) and "exception" (arg = (type, value,
traceback)) events. Return None and you hear nothing more from that frame.

Write record_calls(func, *args, **kwargs) -> (result, lines):

    def add(a, b):
        return a + b

    def total(xs):
        s = 0
        for x in xs:
            s = add(s, x)
        return s

    record_calls(total, [1, 2])
    # (3, ["call total(xs=[1, 2])",
    #      "  call add(a=0, b=1)",
    #      "  return add -> 1",
    #      "  call add(a=1, b=2)",
    #      "  return add -> 3",
    #      "return total -> 3"])

Rules:
- Two spaces of indent per level of nesting below func.
- "call NAME(ARGS)": NAME is frame.f_code.co_name; ARGS are the named
  parameters (the first co_argcount + co_kwonlyargcount names of
  co_varnames) as name=value, values read from frame.f_locals.
- "return NAME -> VALUE" at the same indent as its call.
- "exception in NAME: ERROR" when an exception reaches a frame (Python
  reports it in every frame it passes through, even one that then
  catches it), at that frame's indent; ERROR is repr(exception). A frame
  left by an exception then reports "return NAME -> None".
- Every value is shown with reprlib.repr (long containers are cut short,
  as debuggers do).
- Ignore "line" events. Record nothing outside the call of func.
- Restore the trace function that was installed before (sys.gettrace()),
  NOT None - a debugger or coverage tool may be running - even when func
  raises; its exception then propagates unchanged.
"""

import reprlib  # noqa: F401  (you will need it)
import sys
from collections.abc import Callable
from typing import Any


def record_calls(func: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, list[str]]:
    """Call func(*args, **kwargs) and return (its result, the trace lines)."""
    # TODO: a tracer closure that appends lines and returns itself,
    #       installed with sys.settrace around the call, then restored.
    raise NotImplementedError
