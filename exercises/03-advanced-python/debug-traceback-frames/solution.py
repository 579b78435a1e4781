"""Describe a caught exception, frame by frame (reference solution)."""

import traceback
from pathlib import Path


def describe_exception(exc: BaseException) -> list[str]:
    if not isinstance(exc, BaseException):
        raise TypeError(f"expected an exception, got {type(exc).__name__}")

    lines: list[str] = []
    described: set[int] = set()  # ids of the exceptions already described: a chain may loop
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in described:
        described.add(id(cause))
        if lines:
            lines.append("caused by:")
        lines.extend(_describe_one(cause))
        cause = cause.__cause__
    return lines


def _describe_one(exc: BaseException) -> list[str]:
    """The first line and the frame lines of one exception, without its cause."""
    name = type(exc).__name__
    message = str(exc)
    lines = [f"{name}: {message}" if message else name]
    for frame in traceback.extract_tb(exc.__traceback__):
        where = f"  at {Path(frame.filename).name}:{frame.lineno} in {frame.name}"
        lines.append(f"{where}: {frame.line}" if frame.line else where)
    return lines
