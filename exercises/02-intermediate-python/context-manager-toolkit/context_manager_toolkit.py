"""Context managers three ways: a class, @contextmanager, and ExitStack.

A `with` block guarantees that clean-up runs however the block ends. Write:

1. `Ignoring(exc_type)`, a class with __enter__ and __exit__, that swallows
   exceptions of that type (and its subclasses) and remembers the one it
   swallowed; any other exception passes through untouched:

       with Ignoring(KeyError) as ignored:
           {}["missing"]
       ignored.exception  # -> KeyError('missing')

   Every `with` block starts afresh: after a block that raised nothing,
   `.exception` is None, even if an earlier block with the same object did.

   Any exception class is accepted, KeyboardInterrupt included; anything else
   raises TypeError: `Ignoring(42)` raises
   TypeError("Ignoring needs an exception class, got 42").

2. `temporary_attribute(obj, name, value)`, a generator-based context manager
   (@contextlib.contextmanager) that sets `obj.<name> = value` for the block
   and afterwards puts back the old value, also when the block raises. If the
   attribute did not exist before, it is deleted afterwards.

3. `paste(paths)`, like the Unix `paste` command: open ALL the files at once
   (use contextlib.ExitStack, the number of files is only known at run time),
   then join line 1 of every file with tabs, then line 2, and so on, stopping
   at the end of the shortest file. The newline at the end of each line is not
   part of the result (spaces and tabs inside a line are):

       a.txt: "1\n2\n"    b.txt: "one\ntwo\nthree\n"
       paste([a, b])  # -> ["1\tone", "2\ttwo"]

   Open each file with `open(path, encoding="utf-8")`. Every file you opened
   must be closed when paste returns, and also when opening a later file fails
   (FileNotFoundError then propagates). `paste([])` returns [].
"""

import contextlib
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any


class Ignoring:
    """Suppress one exception type in a `with` block and remember the exception."""

    def __init__(self, exc_type: type[BaseException]) -> None:
        # TODO: check exc_type, then store it; self.exception starts as None.
        raise NotImplementedError

    def __enter__(self) -> "Ignoring":
        # TODO
        raise NotImplementedError

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        # TODO: return True to swallow the exception, False to let it propagate.
        raise NotImplementedError


@contextlib.contextmanager
def temporary_attribute(obj: Any, name: str, value: Any) -> Iterator[None]:
    """Set obj.<name> to value inside the `with` block, then restore it."""
    # TODO: remember the old value (or that there was none), set the new one,
    #       yield, and restore in a `finally:`.
    raise NotImplementedError
    yield  # (makes this a generator function; remove it when you write yours)


def paste(paths: list[Path]) -> list[str]:
    """Join the lines of all files side by side with tabs, like `paste a.txt b.txt`."""
    # TODO: with contextlib.ExitStack() as stack: open every file with
    #       stack.enter_context(...), then zip the files together.
    raise NotImplementedError
