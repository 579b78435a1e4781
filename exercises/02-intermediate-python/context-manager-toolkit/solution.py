"""Context managers three ways: a class, @contextmanager, and ExitStack."""

import contextlib
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

_MISSING = object()


class Ignoring:
    """Suppress one exception type in a `with` block and remember the exception."""

    def __init__(self, exc_type: type[BaseException]) -> None:
        if not (isinstance(exc_type, type) and issubclass(exc_type, BaseException)):
            raise TypeError(f"Ignoring needs an exception class, got {exc_type!r}")
        self.exc_type = exc_type
        self.exception: BaseException | None = None

    def __enter__(self) -> "Ignoring":
        self.exception = None
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        if exc_type is not None and issubclass(exc_type, self.exc_type):
            self.exception = exc
            return True
        return False


@contextlib.contextmanager
def temporary_attribute(obj: Any, name: str, value: Any) -> Iterator[None]:
    """Set obj.<name> to value inside the `with` block, then restore it."""
    old = getattr(obj, name, _MISSING)
    setattr(obj, name, value)
    try:
        yield
    finally:
        if old is _MISSING:
            delattr(obj, name)
        else:
            setattr(obj, name, old)


def paste(paths: list[Path]) -> list[str]:
    """Join the lines of all files side by side with tabs, like `paste a.txt b.txt`."""
    with contextlib.ExitStack() as stack:
        files = [stack.enter_context(open(path, encoding="utf-8")) for path in paths]
        return ["\t".join(line.rstrip("\n") for line in row) for row in zip(*files)]
