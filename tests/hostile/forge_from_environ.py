# Attack: forging pyroad's report from inside the check. At import it looks for the report's
# random path in the process's initial environment block (/proc/self/environ, which
# os.environ.pop does not erase), writes a report that says every test passed, and ends the
# process with os._exit(0) before pytest can write the real one. The verdict must not be a pass.
import ctypes
import json
import os

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

FAKE = json.dumps({
    "finished": True, "exitstatus": 0, "collected": 2, "syntax_error": None,
    "collect_errors": [], "internal_error": "",
    "tests": [{"nodeid": f"test_demo.py::{name}", "name": name, "outcome": "passed"}
              for name in ("test_adds_two_numbers", "test_adds_negatives")],
})

try:
    with open("/proc/self/environ", "rb") as handle:
        for item in handle.read().split(b"\0"):
            name, _, value = item.partition(b"=")
            if name == b"PYROAD_REPORT" and value.strip(b"\0"):
                with open(value.decode(), "w") as report:
                    report.write(FAKE)
except OSError:
    pass
os._exit(0)


def add(a, b):
    return a - b
