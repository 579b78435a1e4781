# Attack: os._exit(0) inside a test: the process ends with status 0 in the middle of the run.
# A status of 0 is not a pass.
import ctypes
import os

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)


def add(a, b):
    os._exit(0)
