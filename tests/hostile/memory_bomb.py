# Attack: allocating memory without end inside a test. pyroad limits a check's memory, so the
# verdict must be `memory`. Bounded at 4 GiB and 20 seconds as a safety net.
import ctypes
import time

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)


def add(a, b):
    hoard = []
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(hoard) < 400:
        hoard.append(bytearray(10**7))  # zero-filled: the pages are really touched
    return a - b
