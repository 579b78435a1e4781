# Attack: saying "the report is written" before it is. A warm check tells pyroad through a pipe
# that its report is written, so pyroad can stop waiting for pytest's teardown. At import this
# writes to every pipe the process holds, long before any report exists, then lets the tests
# run: they fail. The verdict must be that failure, from the real report, not an early end.
import ctypes
import os
import stat

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

for fd in range(3, 1024):
    try:
        if stat.S_ISFIFO(os.fstat(fd).st_mode):
            os.write(fd, b"r")
    except OSError:
        pass


def add(a, b):
    return a - b
