"""Debugging: record a call tree with sys.settrace."""

import reprlib
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def record_calls(func: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, list[str]]:
    """Call func(*args, **kwargs) and return (its result, the trace lines)."""
    lines: list[str] = []
    depth = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        nonlocal depth
        code = frame.f_code
        if event == "call":
            names = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
            shown = ", ".join(f"{name}={reprlib.repr(frame.f_locals[name])}" for name in names)
            lines.append(f"{'  ' * depth}call {code.co_name}({shown})")
            depth += 1
        elif event == "return":
            depth -= 1
            lines.append(f"{'  ' * depth}return {code.co_name} -> {reprlib.repr(arg)}")
        elif event == "exception":
            lines.append(f"{'  ' * (depth - 1)}exception in {code.co_name}: {arg[1]!r}")
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        result = func(*args, **kwargs)
    finally:
        sys.settrace(previous)
    return result, lines
