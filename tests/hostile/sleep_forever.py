# Attack: sleeping "forever" at import, while pytest collects the tests. The check must be
# stopped at its timeout (verdict `timeout`) and the sleeper must not outlive it.
# (Ten minutes stands for forever, so a broken sandbox cannot leave it behind for good.)
import ctypes
import time

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

time.sleep(600)


def add(a, b):
    return a + b
