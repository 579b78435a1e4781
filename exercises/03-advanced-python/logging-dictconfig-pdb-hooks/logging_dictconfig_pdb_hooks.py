"""Debugging: logging configured properly, pdb driven by a script, breakpoint() hooks.

Three tools a professional reaches for when print() is not enough.

1. configure_logging(stream, *, level="INFO", quiet=()) configures the
   APPLICATION's logging with logging.config.dictConfig:
   - one StreamHandler writing to `stream`, format
     "%(levelname)s %(name)s: %(message)s", on the root logger at `level`;
   - every logger named in `quiet` (and so its children) at WARNING;
   - "disable_existing_loggers": False. The default, True, silently mutes
     every logger created before the call - such as the module-level
     `log = logging.getLogger(__name__)` of every module already imported.
   Calling it again REPLACES the configuration (new stream, new level):
   no line is ever written twice. (logging.basicConfig does nothing the
   second time, which is why it is not used here.)

       configure_logging(sys.stderr, level="DEBUG", quiet=["urllib3"])
       logging.getLogger("shop.cart").info("added %s", "mug")
       # stderr: INFO shop.cart: added mug

2. debug_session(func, commands, *args, **kwargs) -> (result, transcript)
   Runs func(*args, **kwargs) under pdb with no keyboard: a pdb.Pdb whose
   stdin is an io.StringIO holding the commands one per line, followed by
   a final "continue" so the function always runs to the end; its stdout
   is another io.StringIO, whose text is the transcript. Pass
   nosigint=True, and readrc=False so a ~/.pdbrc on the machine cannot
   add commands. Debugger.runcall(func, ...) stops at func's first line.

       debug_session(compute, ["p items", "next", "p total"], [1, 2, 3])
       # (12, "> .../x.py(3)compute()\n-> total = 0\n(Pdb) [1, 2, 3]\n...")

3. capture_breakpoints(): a context manager. breakpoint() calls
   sys.breakpointhook (normally it starts pdb). While the block runs,
   replace that hook with one that appends a COPY (a new dict) of the
   caller's local variables - sys._getframe(1).f_locals inside the hook -
   to the list the manager yields. Restore the previous hook on exit, even
   when the block raises.
"""

import contextlib
import io  # noqa: F401  (you will need these)
import logging  # noqa: F401
import logging.config  # noqa: F401
import pdb  # noqa: F401
import sys  # noqa: F401
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO


def configure_logging(stream: TextIO, *, level: str = "INFO", quiet: Iterable[str] = ()) -> None:
    """Send log records to stream as 'LEVEL name: message'."""
    raise NotImplementedError  # TODO: logging.config.dictConfig({...})


def debug_session(func: Callable[..., Any], commands: list[str], *args: Any, **kwargs: Any) -> tuple[Any, str]:
    """Run func(*args, **kwargs) under pdb fed with commands; return (result, transcript)."""
    raise NotImplementedError  # TODO


@contextlib.contextmanager
def capture_breakpoints() -> Iterator[list[dict[str, Any]]]:
    """While active, each breakpoint() records a copy of its caller's local variables."""
    raise NotImplementedError  # TODO
    yield []
