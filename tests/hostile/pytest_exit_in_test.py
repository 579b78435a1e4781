# Attack: pytest.exit(returncode=0) inside a test: pytest itself stops the session early and
# exits with status 0, with only some of the tests run. Not a pass.
import ctypes

import pytest

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)


def add(a, b):
    pytest.exit("all good", returncode=0)
