# Attack: writing into the workspace by absolute path at import: a new file, pyroad.toml, the
# workspace copy of the tests, a fake revealed solution, a symlink. A check runs in a sandbox
# that must not reach the workspace: none of it may land.
import ctypes
import os

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

WORKSPACE = "{{WORKSPACE}}"


def attempt(action, *args):
    try:
        action(*args)
    except OSError:
        pass


def write(rel, text, mode="w"):
    with open(os.path.join(WORKSPACE, rel), mode) as handle:
        handle.write(text)


attempt(write, "pwned.txt", "a check wrote this\n")
attempt(write, "pyroad.toml", "memory_limit_mb = 999999\n", "a")
attempt(write, "exercises/01-fundamentals/demo/test_demo.py", "def test_nothing():\n    pass\n")
attempt(os.makedirs, os.path.join(WORKSPACE, "solutions/01-fundamentals/demo"))
attempt(write, "solutions/01-fundamentals/demo/demo.py", "def add(a, b):\n    return 0\n")
attempt(os.remove, os.path.join(WORKSPACE, "pytest.ini"))
attempt(os.symlink, "/", os.path.join(WORKSPACE, "root-link"))


def add(a, b):
    return a - b
