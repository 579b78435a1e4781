"""Debugging crashes and hangs with faulthandler.

When the interpreter itself dies (a segfault in a C extension) there is
no Python traceback, and a hung CI job prints nothing at all. The
faulthandler module still can: it writes every thread's stack straight
to a file descriptor, like this:

    Fatal Python error: Segmentation fault

    Current thread 0x00007f5158413b80 (most recent call first):
      File "/usr/lib/python3.11/ctypes/__init__.py", line 519 in string_at
      File "app.py", line 4 in crash
      File "app.py", line 7 in <module>

A hang dumped by faulthandler.dump_traceback_later(t, exit=True) starts
with "Timeout (0:00:00.050000)!" instead, then "Thread 0x... (most recent
call first):" blocks.

1. parse_dump(text) -> Diagnosis(error, threads)
   - error: the text after "Fatal Python error: " ("Segmentation fault"),
     or "Timeout after 0:00:00.050000" for a timeout line, or None.
   - threads: one ThreadStack per "Thread 0x..." / "Current thread 0x..."
     header, in order: thread_id is the HEX number as an int, current is
     True for "Current thread"; frames are the `File "...", line N in
     name` lines under it, innermost first, as Frame(file, line, function).
     A file name may contain spaces, commas and quotes; the function is
     everything after " in " ("<module>", "<lambda>"). Other lines
     ("Extension modules: ...", blank lines) are ignored.
2. dump_this_process() -> Diagnosis: faulthandler.dump_traceback(file,
   all_threads=True) of the running process, parsed. faulthandler writes
   to a real file descriptor (a file with fileno()), so an io.StringIO
   does not work: use a tempfile.TemporaryFile("w+"), then seek(0) and
   read it back.
3. diagnose(code, *, hang_after=None, timeout=20) -> (exit code, Diagnosis)
   Runs `code` in a NEW interpreter, [sys.executable, "-X", "faulthandler",
   "-c", code], captures its stderr (text) and parses it. With hang_after
   (seconds), put this line before the code so a hang is dumped and the
   child exits:
       import faulthandler; faulthandler.dump_traceback_later(<hang_after>, exit=True)
   `timeout` is passed to subprocess.run as a last resort.

       code, diag = diagnose("import ctypes; ctypes.string_at(0)")
       code                       # -11 on Linux (killed by SIGSEGV)
       diag.error                 # "Segmentation fault"
       diag.threads[0].frames[0]  # Frame(file=".../ctypes/__init__.py", line=519, function="string_at")
"""

import faulthandler  # noqa: F401  (you will need these)
import re  # noqa: F401
import subprocess  # noqa: F401
import sys  # noqa: F401
import tempfile  # noqa: F401
from dataclasses import dataclass, field

@dataclass(frozen=True)
class Frame:
    file: str
    line: int
    function: str


@dataclass
class ThreadStack:
    thread_id: int
    current: bool
    frames: list[Frame] = field(default_factory=list)


@dataclass
class Diagnosis:
    error: str | None
    threads: list[ThreadStack]


def parse_dump(text: str) -> Diagnosis:
    """Read faulthandler's output into a Diagnosis."""
    raise NotImplementedError  # TODO


def dump_this_process() -> Diagnosis:
    """Dump every thread of this process with faulthandler and parse it."""
    raise NotImplementedError  # TODO


def diagnose(code: str, *, hang_after: float | None = None, timeout: float = 20) -> tuple[int, Diagnosis]:
    """Run code in a fresh interpreter with faulthandler on; return (exit code, diagnosis)."""
    raise NotImplementedError  # TODO
