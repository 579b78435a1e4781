# Attack: killing the process that runs the check: SIGKILL to the parent at import (pyroad
# itself on the cold path, the warm worker on the warm path). pyroad must still give a verdict
# that is not a pass. As a safety net it never signals the test driver ({{DRIVER_PID}}), pid 1,
# or (in a PID namespace, where the parent is 0) its own process group.
import ctypes
import os
import signal

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

parent = os.getppid()
if parent > 1 and parent != {{DRIVER_PID}}:
    os.kill(parent, signal.SIGKILL)


def add(a, b):
    return a - b
