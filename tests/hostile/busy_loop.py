# Attack: a busy loop inside a test. The check must be stopped at its timeout (verdict
# `timeout`), and the spinning process must not outlive it.
import ctypes

# PR_SET_NAME: this process (and any child) carries a name the test looks for afterwards.
ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)


def add(a, b):
    while True:
        pass
