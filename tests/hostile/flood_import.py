# Attack: an output flood at import, both through sys.stdout and straight to file descriptors
# 1 and 2. pyroad must stop it (it kills a check that prints more than 16 MiB) without storing
# it all. Bounded at 4 GiB and 30 seconds as a safety net.
import ctypes
import os
import sys
import time

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

CHUNK = "flood " * 10922 + "\n"
deadline = time.monotonic() + 30
written = 0
while time.monotonic() < deadline and written < 4 << 30:
    sys.stdout.write(CHUNK)
    os.write(1, CHUNK.encode())
    os.write(2, CHUNK.encode())
    written += 3 * len(CHUNK)


def add(a, b):
    return a + b
