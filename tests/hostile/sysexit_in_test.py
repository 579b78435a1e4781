# Attack: sys.exit(0) inside a test. Not a pass.
import ctypes
import sys

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)


def add(a, b):
    sys.exit(0)
