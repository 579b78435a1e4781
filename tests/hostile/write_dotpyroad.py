# Attack: writing into the workspace's .pyroad/ by absolute path inside a test: a progress state
# that says the exercise passed, a replaced interpreter record, a planted backup. None of it may
# land, and the exercise must not be recorded as passed.
import ctypes
import json
import os

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

STATE = "{{STATE}}"
DOT = os.path.dirname(STATE)


def attempt(action, *args):
    try:
        action(*args)
    except OSError:
        pass


def write(path, text):
    with open(path, "w") as handle:
        handle.write(text)


def add(a, b):
    fake = {"schema": 1, "exercises": {"1-demo": {"passed_at": 1, "last_verdict": "pass",
                                                   "hints_seen": 0, "attempts": 1}}}
    attempt(write, STATE, json.dumps(fake))
    attempt(write, os.path.join(DOT, "interpreter.json"),
            json.dumps({"executable": "/bin/true", "version": "3.99.0", "pytest": "99.0"}))
    attempt(os.makedirs, os.path.join(DOT, "backups", "planted"))
    attempt(write, os.path.join(DOT, "backups", "planted", "demo.py"), "planted\n")
    attempt(write, os.path.join(DOT, "new-file"), "planted\n")
    return a - b
