# Attack: forging pyroad's report from another process. At import a child leaves the session,
# learns the report's random path (from the initial environment block in /proc, which the
# plugin's os.environ.pop does not erase; failing that, by watching the folder above the working
# folder) and overwrites it in a tight loop with a report that says every test passed, hoping to
# land after the plugin wrote the real one and before pyroad reads it. The test itself fails.
# The verdict must stay a failure: the plugin ends every other process of the check first.
import ctypes
import json
import os
import time

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

FAKE = json.dumps({
    "finished": True, "exitstatus": 0, "collected": 2, "syntax_error": None,
    "collect_errors": [], "internal_error": "",
    "tests": [{"nodeid": f"test_demo.py::{name}", "name": name, "outcome": "passed"}
              for name in ("test_adds_two_numbers", "test_adds_negatives")],
})


def report_path():
    """The plugin takes PYROAD_REPORT out of os.environ, but the process's initial environment
    block, as /proc shows it, still has it."""
    try:
        with open("/proc/self/environ", "rb") as handle:
            for item in handle.read().split(b"\0"):
                if item.startswith(b"PYROAD_REPORT="):
                    return item.split(b"=", 1)[1].decode()
    except OSError:
        pass
    return None


TARGET = report_path()

if os.fork() == 0:
    try:
        os.setsid()
        above = os.path.dirname(os.getcwd())
        end = time.monotonic() + 20
        while time.monotonic() < end:
            try:
                targets = [TARGET] if TARGET else []
                targets += [e.path for e in os.scandir(above)
                            if e.name.startswith("report-") and e.name.endswith(".json")]
                for path in targets:
                    # Written aside and renamed over it, so the report is never half-written.
                    with open(path + ".forged", "w") as handle:
                        handle.write(FAKE)
                    os.replace(path + ".forged", path)
            except OSError:
                pass
    finally:
        os._exit(0)


def add(a, b):
    return a - b
