"""Exception handling: run an action while holding a lock file.

Two copies of a nightly job must never run at once. The classic guard is a
lock file: whoever manages to CREATE it runs, and removes it when done.

    run_exclusively(Path("nightly.lock"), backup_database)
    # creates nightly.lock containing this process's pid ("4242"),
    # runs backup_database(), removes nightly.lock, returns the result.
    # If nightly.lock already exists (holding "977"):
    # raises LockedError("nightly.lock is held by process 977")

run_exclusively(lock_path, action) -> the action's result
- Create the lock file only if it does not exist yet, in ONE step (open
  mode "x"). Checking first with exists() is a race: another process can
  create the file between your check and your write, and then both run.
- Write str(os.getpid()) into it (UTF-8), then call action() and return
  what it returns.
- If the lock file already exists, raise
  LockedError("nightly.lock is held by process 977") (the file name, and
  the file's content stripped, or "unknown" if it is empty), raised `from`
  the FileExistsError. Then action() is not called, and the other
  process's lock file is left exactly as it was.
- Once the lock is yours, it is removed however action() ends: a return,
  any exception, even KeyboardInterrupt; the exception propagates unchanged.
  If the lock file is already gone by then, that is fine.
"""

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class LockedError(Exception):
    """Another process holds the lock."""


def run_exclusively(lock_path: Path, action: Callable[[], T]) -> T:
    """Run action() while holding the lock file at lock_path."""
    # TODO: this checks before it creates (a race), and leaves the lock
    #       behind when action() raises.
    if lock_path.exists():
        raise LockedError(f"{lock_path.name} is held by another process")
    lock_path.write_text(str(os.getpid()), encoding="utf-8")
    result = action()
    lock_path.unlink()
    return result
