# Attack: speaking for the warm worker. A check forked from a worker could inherit the pipe the
# worker answers pyroad on; a line written there would be read as the worker's word. At import
# this writes, into every pipe the process holds, replies saying that checks 1 to 200 ended with
# status 0, then lets the tests run: they fail. The verdict must be that failure.
import ctypes
import json
import os
import stat

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

FORGED = "".join(json.dumps({"id": n, "exit": 0}) + "\n" for n in range(1, 201)).encode()

for fd in range(3, 1024):
    try:
        if stat.S_ISFIFO(os.fstat(fd).st_mode):
            os.write(fd, FORGED)
    except OSError:
        pass


def add(a, b):
    return a - b
