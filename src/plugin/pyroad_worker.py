"""pyroad's warm worker: imports pytest once, then forks a child per check.

Protocol (one JSON object per line): the runner writes a request
    {"cwd": ..., "args": [...], "env": {...}, "stdout": path, "stderr": path,
     "limits": {"data": bytes, "fsize": bytes, "cpu": seconds}, "staged": [names]}
and the worker answers {"pid": child} as soon as the child exists, then
{"exit": code} or {"signal": number} when it ends. The runner kills the child's process group
on a timeout. The worker itself never imports learner code and stays single-threaded.
"""

import ctypes
import fcntl
import gc
import json
import os
import resource
import socket
import struct
import sys
import tempfile

import pytest

import pyroad_plugin  # noqa: F401  (imported once, here, so a check does not pay for it)

PR_SET_PDEATHSIG = 1
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
SIOCGIFFLAGS = 0x8913
SIOCSIFFLAGS = 0x8914
# Memory the preloaded libraries added to this process; a forked check's memory limit is raised
# by as much, so the learner's code gets the same headroom as in a fresh interpreter.
PRELOAD_BYTES = 0


def data_bytes():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def preload():
    """Imports the curriculum's heavy libraries (PYROAD_PRELOAD) once, for every check to share."""
    global PRELOAD_BYTES
    before = data_bytes()
    for name in os.environ.get("PYROAD_PRELOAD", "").split():
        try:
            __import__(name)
        except BaseException:
            pass
    PRELOAD_BYTES = max(0, data_bytes() - before)


def warm_up():
    # One real session imports everything pytest loads lazily (assertion rewriting, terminal
    # reporter, fixtures), so a forked check starts with it all in memory.
    with tempfile.TemporaryDirectory() as tmp:
        test = os.path.join(tmp, "test_pyroad_warmup.py")
        with open(test, "w") as handle:
            handle.write("import pytest\n\n@pytest.mark.parametrize('x', [1])\ndef test_ok(x, tmp_path):\n    assert x == 1\n")
        devnull = os.open(os.devnull, os.O_WRONLY)
        saved = os.dup(1), os.dup(2)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            pytest.main(["-q", "-p", "no:cacheprovider", "-p", "pyroad_plugin", test])
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(devnull)
    sys.modules.pop("test_pyroad_warmup", None)
    gc.collect()
    gc.freeze()


def isolate_network():
    """New user and network namespaces with only loopback, up: what the cold path does."""
    if ctypes.CDLL(None, use_errno=True).unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0:
        return
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            request = struct.pack("16sH14x", b"lo", 0)
            flags = struct.unpack("16sH14x", fcntl.ioctl(sock, SIOCGIFFLAGS, request))[1]
            fcntl.ioctl(sock, SIOCSIFFLAGS, struct.pack("16sH14x", b"lo", flags | 1))
    except OSError:
        pass


def child(request):
    # Join the check's pids cgroup first, so every process it starts is counted.
    if request.get("cgroup"):
        try:
            with open(request["cgroup"], "w") as procs:
                procs.write("0")
        except OSError:
            pass
    os.setpgid(0, 0)
    try:
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, 9)
    except Exception:
        pass
    isolate_network()
    limits = request["limits"]
    if limits.get("nproc"):
        try:
            resource.setrlimit(resource.RLIMIT_NPROC, (limits["nproc"], limits["nproc"]))
        except (ValueError, OSError):
            pass
    for name, value in (("RLIMIT_DATA", limits["data"] + PRELOAD_BYTES), ("RLIMIT_FSIZE", limits["fsize"]),
                        ("RLIMIT_CPU", limits["cpu"]), ("RLIMIT_CORE", 0)):
        try:
            resource.setrlimit(getattr(resource, name), (value, value))
        except (ValueError, OSError):
            pass
    stdin = os.open(os.devnull, os.O_RDONLY)
    out = os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    err = os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(stdin, 0)
    os.dup2(out, 1)
    os.dup2(err, 2)
    # What a fresh `python -m pytest` in that folder would have: its environment, cwd,
    # argv and sys.path, a temp dir read from the new TMPDIR, and no module of the same name
    # as a staged file left over from the worker.
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["cwd"])
    tempfile.tempdir = None
    sys.argv = ["pytest"]
    sys.path[0] = request["cwd"]
    for name in request.get("staged", []):
        sys.modules.pop(name, None)
    code = 3
    try:
        code = int(pytest.main(request["args"]))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        code = 3
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def main():
    # The worker ends when pyroad closes its stdin (pyroad exited, whatever the reason).
    warm_up()
    preload()
    gc.collect()
    gc.freeze()
    reply = sys.stdout
    reply.write('{"ready": true}\n')
    reply.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            child(request)
        try:
            os.setpgid(pid, pid)
        except OSError:
            pass
        reply.write(json.dumps({"pid": pid}) + "\n")
        reply.flush()
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            answer = {"signal": os.WTERMSIG(status)}
        else:
            answer = {"exit": os.WEXITSTATUS(status)}
        reply.write(json.dumps(answer) + "\n")
        reply.flush()


if __name__ == "__main__":
    main()
