"""Exception handling: run an action while holding a lock file."""

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class LockedError(Exception):
    """Another process holds the lock."""


def run_exclusively(lock_path: Path, action: Callable[[], T]) -> T:
    """Run action() while holding the lock file at lock_path."""
    try:
        with open(lock_path, "x", encoding="utf-8") as lock:
            lock.write(str(os.getpid()))
    except FileExistsError as err:
        holder = lock_path.read_text(encoding="utf-8").strip() or "unknown"
        raise LockedError(f"{lock_path.name} is held by process {holder}") from err
    try:
        return action()
    finally:
        lock_path.unlink(missing_ok=True)
