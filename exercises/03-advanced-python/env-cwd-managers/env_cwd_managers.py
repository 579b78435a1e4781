"""Custom context managers: change the environment, then always put it back.

Tests and scripts often need to change process-wide state for a moment: an
environment variable, the current directory. Forgetting to restore it (or
an exception skipping the restore) leaks the change into everything that
runs afterwards. Write two context managers, one in each style:

1. TemporaryEnv, a CLASS with __enter__ and __exit__:

       # before: LOG_LEVEL=info, DEBUG unset, TZ=UTC
       with TemporaryEnv(LOG_LEVEL="debug", DEBUG="1", TZ=None) as env:
           ...  # LOG_LEVEL=debug, DEBUG=1, TZ unset
       # after: LOG_LEVEL=info, DEBUG unset again, TZ=UTC again

   - A value of None means "unset this variable inside the block".
   - The old values are the ones of the moment the block starts (save
     them in __enter__), so one TemporaryEnv can be used again, or nested.
   - On exit every variable gets back its old value, and a variable that
     did not exist before is removed again; also when the block raises,
     whatever it raises (Ctrl+C's KeyboardInterrupt too).
   - Exceptions from the block are NOT swallowed.
   - If os.environ refuses a change on entry (a value containing "\\0"
     raises ValueError), __exit__ will never run: __enter__ itself puts
     back the variables it had already changed, then lets the error out.
   - `with` gives back the TemporaryEnv object itself.
   - A value that is neither str nor None raises TypeError as soon as
     TemporaryEnv(...) is created, e.g. TemporaryEnv(PORT=8080):
         TypeError: PORT must be a str or None, got int

2. working_directory(path), a GENERATOR function with
   @contextlib.contextmanager:

       with working_directory("reports") as here:
           ...  # os.getcwd() is now .../reports; `here` is Path.cwd()
       # back in the previous directory, also when the block raises
       # (anything, Ctrl+C included)

   - A directory that does not exist raises FileNotFoundError on entry and
     leaves the current directory alone.

(Python 3.11 ships contextlib.chdir; here you write your own.)
"""

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType


class TemporaryEnv:
    """Set or unset environment variables for the duration of a with-block."""

    def __init__(self, **changes: str | None) -> None:
        # TODO: check every value is a str or None, then keep `changes`
        self._changes = changes

    def __enter__(self) -> "TemporaryEnv":
        # TODO: save the old values, then apply the changes
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        # TODO: restore every saved variable
        return False


@contextlib.contextmanager
def working_directory(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Change into `path` for the with-block, then change back."""
    # TODO: remember the current directory, change into `path`, yield
    #       Path.cwd(), and change back in a `finally:`
    yield Path.cwd()
