# Attack: filling the check's temp folder, 32 MiB at a time up to 2 GiB, as tests that write
# big temporary files do. A check's TMPDIR is a tmpfs of its own: its files live in RAM, so it
# holds 256 MiB at most and is gone when the check ends. More than that written means the cap
# is missing, and the module refuses to load (an `error` verdict instead of the honest `fail`).
import ctypes
import os
import tempfile

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

CHUNK = b"\0" * (32 << 20)
WRITTEN = 0
for n in range(64):
    try:
        with open(os.path.join(tempfile.gettempdir(), f"{{MARK}}-{n}.bin"), "wb") as big:
            big.write(CHUNK)
            big.flush()
            os.fsync(big.fileno())
        WRITTEN += len(CHUNK)
    except OSError:
        break
if WRITTEN > 256 << 20:
    raise RuntimeError(f"the temp folder took {WRITTEN >> 20} MiB")


def add(a, b):
    return a - b
