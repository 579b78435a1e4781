# Attack: sys.exit(0) at import, while pytest collects the tests. Not a pass.
import ctypes
import sys

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

sys.exit(0)
