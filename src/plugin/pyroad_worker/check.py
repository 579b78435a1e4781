"""The forked check's side: holding a prepared check at its gate, taking the check's own output
files, environment and folder, and running pytest in-process as a fresh `python -m pytest`
would."""

import gc
import os
import sys
import tempfile

import pytest

from pyroad_worker.confine import LIBC, close_inherited, enter_check_group

MADV_POPULATE_WRITE = 23
# The most of the worker's writable memory a prepared check copies while it waits (a light
# worker has some 22 MB; a heavy one, hundreds).
PREFAULT_LIMIT = 48 << 20


def prefault():
    """Makes this check's own copy of the worker's writable memory now, while it waits for a
    save: the copy-on-write faults it would otherwise take as it collects and runs (some 700
    here, 3 to 4 ms of a save's verdict) are then paid. Contents do not change; the memory
    limit (RLIMIT_DATA, address space) neither. Linux 5.14 and later; a no-op before."""
    try:
        regions = []
        with open("/proc/self/maps") as maps:
            for line in maps:
                fields = line.split()
                if fields[1] == "rw-p" and (len(fields) == 5 or fields[5] == "[heap]"):
                    low, high = (int(x, 16) for x in fields[0].split("-"))
                    regions.append((low, high - low))
        if sum(size for _, size in regions) > PREFAULT_LIMIT:
            return
        for low, size in regions:
            LIBC.madvise(low, size, MADV_POPULATE_WRITE)
    except (OSError, ValueError, IndexError):
        pass


def wait_at_gate(fd):
    """Holds a prepared check until the runner's go; ends it, having run nothing, when it is
    dropped or the worker is gone."""
    if fd is None:
        return
    prefault()
    go = b""
    try:
        go = os.read(fd, 1)
    except OSError:
        pass
    finally:
        os.close(fd)
    if go != b"g":
        os._exit(3)


class Gate:
    """Holds a prepared check (fd is its gate) once its session has started, before collection
    (so before the learner's files are compiled or imported), until the worker passes on the
    runner's go."""

    def __init__(self, fd):
        self.fd = fd

    @pytest.hookimpl(hookwrapper=True)
    def pytest_collection(self, session):
        wait_at_gate(self.fd)
        # What pytest built so far lives as long as the check: the collections the learner's
        # code and tests set off need not walk it again and again.
        gc.freeze()
        yield


def run(request, confinement, accel, forked):
    """The check of a request, in the child the worker forked for it (`forked`: see
    serve.Forked); never returns."""
    enter_check_group(request)
    if request.get("confine", True):
        confinement.apply(request, forked.rules, forked.own_pid_namespace)
    stdin = os.open(os.devnull, os.O_RDONLY)
    out = os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    err = os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(stdin, 0)
    os.dup2(out, 1)
    os.dup2(err, 2)
    close_inherited(set(forked.inherited) | {stdin, out, err}, {0, 1, 2, forked.gate, forked.reported})
    # What a fresh `python -m pytest` in that folder would have: its environment, cwd,
    # argv and sys.path, a temp dir read from the new TMPDIR, and no module of the same name
    # as a staged file left over from the worker.
    os.environ.clear()
    os.environ.update(request["env"])
    if forked.reported is not None:
        # For the plugin, which takes it out of the environment before any learner code runs.
        os.environ["PYROAD_REPORTED_FD"] = str(forked.reported)
    os.chdir(request["cwd"])
    tempfile.tempdir = None
    sys.argv = ["pytest"]
    sys.path[0] = request["cwd"]
    for name in request.get("staged", []):
        sys.modules.pop(name, None)
    accel.enter_check()
    code = 3
    try:
        code = int(pytest.main(request["args"], plugins=[*accel.check_plugins(), Gate(forked.gate)]))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        code = 3
    finally:
        end(code)


def end(code):
    """Ends a check's process as its pytest session ended, with nothing of the worker's exit."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)
