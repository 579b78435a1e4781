"""pyroad's warm worker: imports pytest once, then forks a child per check.

Protocol (one JSON object per line): the runner writes a request
    {"cwd": ..., "args": [...], "env": {...}, "stdout": path, "stderr": path,
     "limits": {"data": bytes, "fsize": bytes, "cpu": seconds, "nofile": n, "nproc": n},
     "landlock": {"read": [...], "write": [...], "devices": [...]}, "cgroup": path,
     "staged": [names]}
and the worker answers {"pid": child} as soon as the child exists, then
{"exit": code} or {"signal": number} when it ends. The runner kills the child's process group
on a timeout. The worker itself never imports learner code and stays single-threaded.

The child is confined as pyroad's cold path confines a check (src/confine.rs): new user,
network and PID namespaces, a tiny init that takes every process of the check down with it,
Landlock from the same policy, the same limits.
"""

import ctypes
import fcntl
import gc
import json
import os
import resource
import select
import signal
import socket
import stat
import struct
import sys
import tempfile

import pytest

import pyroad_plugin  # noqa: F401  (imported once, here, so a check does not pay for it)

PR_SET_PDEATHSIG = 1
PR_SET_NO_NEW_PRIVS = 38
PR_SET_CHILD_SUBREAPER = 36
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
CLONE_NEWPID = 0x20000000
SYS_LANDLOCK_CREATE_RULESET = 444
SYS_LANDLOCK_ADD_RULE = 445
SYS_LANDLOCK_RESTRICT_SELF = 446
LIBC = ctypes.CDLL(None, use_errno=True)
LIBC.syscall.restype = ctypes.c_long
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


def enter_namespaces():
    """New user, network and PID namespaces, as many as the kernel allows; loopback up.

    Returns whether children of this process start in a new PID namespace.
    """
    user, net, pid = CLONE_NEWUSER, CLONE_NEWNET, CLONE_NEWPID
    if LIBC.unshare(user | net | pid) == 0:
        got_net, got_pid = True, True
    elif LIBC.unshare(user | net) == 0:
        got_net, got_pid = True, False
    else:
        got_net, got_pid = LIBC.unshare(net) == 0, LIBC.unshare(pid) == 0
    if got_net:
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                request = struct.pack("16sH14x", b"lo", 0)
                flags = struct.unpack("16sH14x", fcntl.ioctl(sock, SIOCGIFFLAGS, request))[1]
                fcntl.ioctl(sock, SIOCSIFFLAGS, struct.pack("16sH14x", b"lo", flags | 1))
        except OSError:
            pass
    return got_pid


def landlock(policy):
    """Enforces the runner's file-system policy with Landlock, where the kernel has it."""
    if not policy:
        return
    abi = LIBC.syscall(SYS_LANDLOCK_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint(1))
    if abi <= 0:
        return
    # Access bits of the kernel's uapi: execute, write, read file, read dir, then removals and
    # creations, refer (ABI 2), truncate (ABI 3), ioctl on devices (ABI 5).
    fs_all = (1 << {1: 13, 2: 14, 3: 15, 4: 15}.get(abi, 16)) - 1
    read = 0b1101
    file_only = 0b111 | (1 << 14) | (1 << 15)
    if abi >= 6:
        attr = struct.pack("QQQ", fs_all, 0, 0b11)  # scoped: abstract unix sockets, signals
    elif abi >= 4:
        attr = struct.pack("QQ", fs_all, 0)
    else:
        attr = struct.pack("Q", fs_all)
    buf = ctypes.create_string_buffer(attr, len(attr))
    ruleset = LIBC.syscall(SYS_LANDLOCK_CREATE_RULESET, buf, ctypes.c_size_t(len(attr)), ctypes.c_uint(0))
    if ruleset < 0:
        return

    def allow(path, access):
        try:
            fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
        except OSError:
            return
        try:
            if not stat.S_ISDIR(os.fstat(fd).st_mode):
                access &= file_only
            rule = ctypes.create_string_buffer(struct.pack("=Qi", access & fs_all, fd), 12)
            LIBC.syscall(SYS_LANDLOCK_ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(1), rule, ctypes.c_uint(0))
        finally:
            os.close(fd)

    for path in policy.get("read", []):
        allow(path, read)
    for path in policy.get("write", []):
        allow(path, fs_all)
    for path in policy.get("devices", []):
        allow(path, read | 0b10 | (1 << 14))
    LIBC.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    LIBC.syscall(SYS_LANDLOCK_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint(0))
    os.close(ruleset)


def exit_as(status, can_raise):
    """Exits as a child did. A namespace's init cannot signal itself, so it reports a signal as
    128 + signal and the relay outside turns it back into one."""
    sig = 0
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
    elif can_raise and os.WIFEXITED(status) and 129 <= os.WEXITSTATUS(status) <= 192:
        sig = os.WEXITSTATUS(status) - 128
    if sig:
        if can_raise:
            try:
                signal.signal(sig, signal.SIG_DFL)
                signal.pthread_sigmask(signal.SIG_UNBLOCK, [sig])
            except (OSError, ValueError):
                pass
            os.kill(os.getpid(), sig)
        os._exit(128 + sig)
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 127)


def fork_namespace_init():
    """Forks the PID namespace's init, which forks the check; returns only in the check. This
    process stays outside as a relay. When the check's process ends, the init exits and the
    kernel kills whatever is left in the namespace."""
    init = os.fork()
    if init:
        while True:
            try:
                _, status = os.waitpid(init, 0)
                exit_as(status, True)
            except InterruptedError:
                continue
            except OSError:
                os._exit(127)
    LIBC.prctl(PR_SET_PDEATHSIG, 9)
    main = os.fork()
    if main:
        while True:
            try:
                pid, status = os.waitpid(-1, 0)
            except InterruptedError:
                continue
            except OSError:
                os._exit(127)
            if pid == main:
                exit_as(status, False)
    LIBC.prctl(PR_SET_PDEATHSIG, 9)


def child(request):
    # Join the check's pids cgroup first, so every process it starts is counted.
    if request.get("cgroup"):
        try:
            with open(request["cgroup"], "w") as procs:
                procs.write("0")
        except OSError:
            pass
    os.setpgid(0, 0)
    LIBC.prctl(PR_SET_PDEATHSIG, 9)
    if request.get("confine", True):
        confine(request)
    redirect_and_run(request)


def confine(request):
    own_pid_namespace = enter_namespaces()
    limits = request["limits"]
    if limits.get("nproc"):
        try:
            resource.setrlimit(resource.RLIMIT_NPROC, (limits["nproc"], limits["nproc"]))
        except (ValueError, OSError):
            pass
    for name, value in (("RLIMIT_DATA", limits["data"] + PRELOAD_BYTES), ("RLIMIT_FSIZE", limits["fsize"]),
                        ("RLIMIT_CPU", limits["cpu"]), ("RLIMIT_CORE", 0),
                        ("RLIMIT_NOFILE", limits.get("nofile", 1024))):
        try:
            resource.setrlimit(getattr(resource, name), (value, value))
        except (ValueError, OSError):
            pass
    landlock(request.get("landlock"))
    if own_pid_namespace:
        fork_namespace_init()


def redirect_and_run(request):
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


class Requests:
    """Lines from pyroad on stdin, read unbuffered so that pyroad going away (EOF) is noticed
    while a check runs, not only after it."""

    def __init__(self):
        self.buffer = b""
        self.closed = False

    def fill(self):
        data = os.read(0, 65536)
        if not data:
            self.closed = True
        self.buffer += data

    def next(self):
        while b"\n" not in self.buffer:
            if self.closed:
                return None
            self.fill()
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line


def sweep_orphans():
    """Without a PID namespace, what a check left running (a setsid or double-fork escape) is
    re-parented to this worker, a subreaper: kill and reap all of it."""
    path = "/proc/self/task/%d/children" % os.getpid()
    for _ in range(200):
        try:
            with open(path) as handle:
                pids = [int(p) for p in handle.read().split()]
        except (OSError, ValueError):
            return
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        for pid in pids:
            try:
                os.waitpid(pid, 0)
            except OSError:
                pass


def wait_check(pid, requests):
    """Waits for the check's process; if pyroad goes away meanwhile, kills it and exits."""
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        pidfd = None
    if pidfd is not None:
        try:
            while True:
                ready, _, _ = select.select([pidfd, 0], [], [])
                if pidfd in ready:
                    break
                requests.fill()
                if requests.closed:
                    try:
                        os.killpg(pid, signal.SIGKILL)
                    except OSError:
                        pass
                    os._exit(0)
        finally:
            os.close(pidfd)
    while True:
        try:
            return os.waitpid(pid, 0)[1]
        except InterruptedError:
            continue


def main():
    # The worker ends when pyroad closes its stdin (pyroad exited, whatever the reason).
    LIBC.prctl(PR_SET_CHILD_SUBREAPER, 1)
    warm_up()
    preload()
    gc.collect()
    gc.freeze()
    reply = sys.stdout
    reply.write('{"ready": true}\n')
    reply.flush()
    requests = Requests()
    while True:
        line = requests.next()
        if line is None:
            return
        if not line.strip():
            continue
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            try:
                child(request)
            finally:
                # Never back into this loop as a second worker, whatever went wrong.
                os._exit(3)
        try:
            os.setpgid(pid, pid)
        except OSError:
            pass
        reply.write(json.dumps({"pid": pid}) + "\n")
        reply.flush()
        status = wait_check(pid, requests)
        sweep_orphans()
        if os.WIFSIGNALED(status):
            answer = {"signal": os.WTERMSIG(status)}
        else:
            answer = {"exit": os.WEXITSTATUS(status)}
        reply.write(json.dumps(answer) + "\n")
        reply.flush()


if __name__ == "__main__":
    main()
