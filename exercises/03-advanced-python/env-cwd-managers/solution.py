"""Custom context managers: change the environment, then always put it back."""

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType


class TemporaryEnv:
    """Set or unset environment variables for the duration of a with-block."""

    def __init__(self, **changes: str | None) -> None:
        for name, value in changes.items():
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{name} must be a str or None, got {type(value).__name__}")
        self._changes = changes
        self._saved: dict[str, str | None] = {}

    def __enter__(self) -> "TemporaryEnv":
        self._saved = {name: os.environ.get(name) for name in self._changes}
        try:
            for name, value in self._changes.items():
                _set_or_unset(name, value)
        except BaseException:
            self._restore()  # __exit__ will not run when __enter__ raises
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        self._restore()
        return False

    def _restore(self) -> None:
        for name, value in self._saved.items():
            _set_or_unset(name, value)


def _set_or_unset(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


@contextlib.contextmanager
def working_directory(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Change into `path` for the with-block, then change back."""
    previous = os.getcwd()
    os.chdir(path)
    try:
        yield Path.cwd()
    finally:
        os.chdir(previous)
