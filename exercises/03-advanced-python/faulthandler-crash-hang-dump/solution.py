"""Debugging crashes and hangs with faulthandler."""

import faulthandler
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field

FRAME = re.compile(r'^\s*File "(?P<file>.*)", line (?P<line>\d+) in (?P<function>.*)$')
THREAD = re.compile(r"^(?P<current>Current thread|Thread) 0x(?P<id>[0-9a-fA-F]+) \(most recent call first\):$")
FATAL = re.compile(r"^Fatal Python error: (?P<error>.+)$")
TIMEOUT = re.compile(r"^Timeout \((?P<after>[^)]*)\)!$")


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
    error = None
    threads: list[ThreadStack] = []
    for line in text.splitlines():
        if m := FATAL.match(line):
            error = m["error"]
        elif m := TIMEOUT.match(line):
            error = f"Timeout after {m['after']}"
        elif m := THREAD.match(line):
            threads.append(ThreadStack(int(m["id"], 16), m["current"] == "Current thread"))
        elif (m := FRAME.match(line)) and threads:
            threads[-1].frames.append(Frame(m["file"], int(m["line"]), m["function"]))
    return Diagnosis(error, threads)


def dump_this_process() -> Diagnosis:
    """Dump every thread of this process with faulthandler and parse it."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as file:
        faulthandler.dump_traceback(file, all_threads=True)
        file.seek(0)
        return parse_dump(file.read())


def diagnose(code: str, *, hang_after: float | None = None, timeout: float = 20) -> tuple[int, Diagnosis]:
    """Run code in a fresh interpreter with faulthandler on; return (exit code, diagnosis)."""
    if hang_after is not None:
        code = f"import faulthandler; faulthandler.dump_traceback_later({hang_after!r}, exit=True)\n{code}"
    proc = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", code],
        capture_output=True, text=True, timeout=timeout,
    )
    return proc.returncode, parse_dump(proc.stderr)
