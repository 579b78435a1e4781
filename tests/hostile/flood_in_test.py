# Attack: an output flood inside a test. Besides printing (which pytest captures), it writes to
# every pipe and to the original stdout and stderr it can find among its file descriptors, past
# pytest's capture. pyroad must stop it. Bounded at 4 GiB and 30 seconds as a safety net.
import ctypes
import os
import sys
import time

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)


def outputs():
    fds = {1, 2}
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink("/proc/self/fd/" + name)
        except OSError:
            continue
        if target.startswith("pipe:") or target.endswith(("stdout.txt", "stderr.txt")):
            fds.add(int(name))
    return sorted(fds)


def add(a, b):
    chunk = ("flood " * 10922 + "\n").encode()
    fds = outputs()
    deadline = time.monotonic() + 30
    written = 0
    while time.monotonic() < deadline and written < 4 << 30:
        print(chunk.decode(), end="")
        for fd in fds:
            try:
                os.write(fd, chunk)
            except OSError:
                pass
        written += len(chunk) * (len(fds) + 1)
        sys.stdout.flush()
    return a - b
