# Attack: changing files outside both the sandbox and the workspace at import: the test's canary
# file, a new file next to it, and the curriculum's own test file (replacing it with one that
# always passes would fake every later check). None of it may land.
import ctypes
import os

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)


def attempt(action, *args):
    try:
        action(*args)
    except OSError:
        pass


def write(path, text, mode="w"):
    with open(path, mode) as handle:
        handle.write(text)


attempt(write, "{{OUTSIDE}}", "changed by a check\n", "a")
attempt(write, os.path.join("{{OUTSIDE_DIR}}", "planted.txt"), "planted by a check\n")
attempt(write, "{{CURRICULUM}}/01-fundamentals/demo/test_demo.py", "def test_nothing():\n    pass\n")
attempt(os.rename, "{{OUTSIDE}}", "{{OUTSIDE}}.moved")


def add(a, b):
    return a - b
