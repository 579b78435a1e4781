# Attack: os._exit(0) at import: the process ends with status 0 before pytest can report.
# A status of 0 is not a pass.
import ctypes
import os

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

os._exit(0)
