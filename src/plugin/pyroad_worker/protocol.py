"""The pipes between pyroad and its warm worker: one JSON object per line each way.

The worker's first line says it is ready, and how it will run pytest:
    {"ready": true, "path": "accelerated" | "plain", "pytest": version, "pluggy": version}
with "reason" added on the plain path (see pytest_internals).

Then the runner writes a request
    {"id": n, "cwd": ..., "args": [...], "env": {...}, "stdout": path, "stderr": path,
     "limits": {"data": bytes, "fsize": bytes, "cpu": seconds, "nofile": n, "nproc": n},
     "landlock": {"read": [...], "write": [...], "devices": [...]}, "cgroup": path,
     "staged": [names], "rewrite": [test files]}
and the worker answers {"id": n, "pid": child} as soon as the child exists, then
{"id": n, "exit": code} or {"id": n, "signal": number} when it ends. A request with
"gated": true prepares a check ahead of time: the child configures pytest and starts the session,
then waits before it reads any of the learner's files until {"go": n} (the runner has written
them), or ends without running anything on {"drop": n}. A request with "early": true also
gets {"id": n, "reported": true} as soon as the child has written its finished report, before
pytest's teardown and the process's exit: the verdict no longer depends on them, and the
runner may end the check there. Requests may arrive while other checks run: one worker serves
every parallel job, so the libraries it preloaded are imported once per pyroad run, not once
per job. The runner kills the child's process group on a timeout. A request the worker cannot
serve as asked is answered {"id": n} without a pid: the runner runs that check cold.

Checks forked from a template (see template.py) are answered {"id": n, "pid": p, "work": path}:
where the check saw its folder, which its messages name.
"""

import json
import os


class Channel:
    """Requests from pyroad and replies to it. Requests are read unbuffered, so that pyroad going
    away (end of file) is noticed while a check runs, not only after it."""

    def __init__(self):
        self.requests = 0
        self.replies = 1
        self.buffer = b""
        self.closed = False

    def fill(self):
        data = os.read(self.requests, 65536)
        if not data:
            self.closed = True
        self.buffer += data

    def pop(self):
        """The next complete line, or None until more has been read."""
        if b"\n" not in self.buffer:
            return None
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line

    def reply(self, message):
        data = (json.dumps(message) + "\n").encode()
        while data:
            data = data[os.write(self.replies, data):]

    def step_aside(self):
        """Moves the pipes off descriptors 0 and 1, which a pytest session in this process
        reads and writes (a template's)."""
        self.requests, self.replies = os.dup(0), os.dup(1)


def ready(accel, pytest_version, pluggy_version):
    """The worker's first message."""
    message = {"ready": True, "path": accel.name, "pytest": pytest_version, "pluggy": pluggy_version}
    if accel.reason:
        message["reason"] = accel.reason
    return message


def is_gate_message(message):
    """A {"go": n} or {"drop": n}, about a prepared check, rather than a request."""
    return "go" in message or "drop" in message
