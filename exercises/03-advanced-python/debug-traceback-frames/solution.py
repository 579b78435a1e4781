"""Describe a caught exception, frame by frame (reference solution)."""

import traceback
from pathlib import Path


def describe_exception(exc: BaseException) -> list[str]:
    if not isinstance(exc, BaseException):
        raise TypeError(f"expected an exception, got {type(exc).__name__}")

    name = type(exc).__name__
    message = str(exc)
    lines = [f"{name}: {message}" if message else name]

    for frame in traceback.extract_tb(exc.__traceback__):
        where = f"  at {Path(frame.filename).name}:{frame.lineno} in {frame.name}"
        lines.append(f"{where}: {frame.line}" if frame.line else where)

    if exc.__cause__ is not None:
        lines.append("caused by:")
        lines.extend(describe_exception(exc.__cause__))
    return lines
