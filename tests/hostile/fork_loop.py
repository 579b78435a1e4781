# Attack: a fork bomb inside a test: every process keeps forking. pyroad caps the processes of
# a check, so the bomb must be stopped quickly and none of its processes may survive.
# Bounded as a safety net should the sandbox fail: at most 2000 forks in all (a counter shared
# by the whole tree) and 10 seconds, after which every process exits on its own.
import ctypes
import mmap
import os
import struct
import time

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

MAX_FORKS = 2000
LIFETIME = 10.0


def add(a, b):
    forks = mmap.mmap(-1, 8)  # anonymous and shared: one counter for every process
    root = os.getpid()
    deadline = time.monotonic() + LIFETIME
    while time.monotonic() < deadline and struct.unpack_from("q", forks)[0] < MAX_FORKS:
        try:
            pid = os.fork()
        except OSError:
            continue
        if pid:
            struct.pack_into("q", forks, 0, struct.unpack_from("q", forks)[0] + 1)
    if os.getpid() != root:
        # A bomb's child never returns into pytest: it waits out its lifetime, then ends.
        time.sleep(max(0.0, deadline - time.monotonic()))
        os._exit(0)
    return a - b
