# Attack: writing a huge file at import, 1 MiB at a time up to 1 GiB, in the check's folder
# and in its temp dir. pyroad limits the size of a file a check may write (64 MiB), and removes
# the check's folder afterwards: nothing of it may be left. Bounded at 1 GiB and 30 s per file.
import ctypes
import os
import tempfile
import time

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

MIB = b"\0" * (1 << 20)
for folder in (os.getcwd(), tempfile.gettempdir()):
    deadline = time.monotonic() + 30
    try:
        with open(os.path.join(folder, "huge.bin"), "wb") as big:
            for _ in range(1024):
                big.write(MIB)
                big.flush()
                if time.monotonic() > deadline:
                    break
    except OSError:
        pass


def add(a, b):
    return a - b
