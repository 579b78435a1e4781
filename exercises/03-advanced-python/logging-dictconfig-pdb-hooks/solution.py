"""Debugging: logging configured properly, pdb driven by a script, breakpoint() hooks."""

import contextlib
import io
import logging
import logging.config
import pdb
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO


def configure_logging(stream: TextIO, *, level: str = "INFO", quiet: Iterable[str] = ()) -> None:
    """Send log records to stream as 'LEVEL name: message'."""
    logging.config.dictConfig({
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "stream": stream, "formatter": "plain"}},
        "root": {"level": level, "handlers": ["console"]},
        "loggers": {name: {"level": "WARNING"} for name in quiet},
    })


def debug_session(func: Callable[..., Any], commands: list[str], *args: Any, **kwargs: Any) -> tuple[Any, str]:
    """Run func(*args, **kwargs) under pdb fed with commands; return (result, transcript)."""
    script = io.StringIO("".join(f"{command}\n" for command in [*commands, "continue"]))
    transcript = io.StringIO()
    debugger = pdb.Pdb(stdin=script, stdout=transcript, nosigint=True, readrc=False)
    result = debugger.runcall(func, *args, **kwargs)
    return result, transcript.getvalue()


@contextlib.contextmanager
def capture_breakpoints() -> Iterator[list[dict[str, Any]]]:
    """While active, each breakpoint() records a copy of its caller's local variables."""
    seen: list[dict[str, Any]] = []

    def hook(*args: Any, **kwargs: Any) -> None:
        seen.append(dict(sys._getframe(1).f_locals))

    previous = sys.breakpointhook
    sys.breakpointhook = hook
    try:
        yield seen
    finally:
        sys.breakpointhook = previous
