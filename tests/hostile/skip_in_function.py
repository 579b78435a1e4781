# Attack: the function under test raises pytest's Skipped, so each test reports `skipped`
# instead of failing. A skip raised by the learner's code is never a pass.
import ctypes

import pytest

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)


def add(a: int, b: int) -> int:
    pytest.skip("not today")
