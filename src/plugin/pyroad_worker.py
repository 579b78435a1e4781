"""pyroad's warm worker: imports pytest once, then forks a child per check, several at a time.

Protocol (one JSON object per line): the runner writes a request
    {"id": n, "cwd": ..., "args": [...], "env": {...}, "stdout": path, "stderr": path,
     "limits": {"data": bytes, "fsize": bytes, "cpu": seconds, "nofile": n, "nproc": n},
     "landlock": {"read": [...], "write": [...], "devices": [...]}, "cgroup": path,
     "staged": [names]}
and the worker answers {"id": n, "pid": child} as soon as the child exists, then
{"id": n, "exit": code} or {"id": n, "signal": number} when it ends. A request with
"gated": true prepares a check ahead of time: the child configures pytest and starts the session,
then waits before it reads any of the learner's files until {"go": n} (the runner has written
them), or ends without running anything on {"drop": n}. A request with "early": true also
gets {"id": n, "reported": true} as soon as the child has written its finished report, before
pytest's teardown and the process's exit: the verdict no longer depends on them, and the
runner may end the check there. Requests may arrive while
other checks run: one worker serves every parallel job, so the libraries it preloaded are
imported once per pyroad run, not once per job. The runner kills the child's process group on a
timeout. The worker itself never imports learner code and stays single-threaded.

From its first check request on, the worker hands the serving to a template (see "Templates"
below): a process with pytest configured for a folder of its own, from which each check is
forked; replies then say where the check saw its folder ({"id": n, "pid": p, "work": path}).

The child is confined as pyroad's cold path confines a check (src/confine.rs): new user,
network and PID namespaces (the check is the namespace's pid 1, so every process it starts ends
with it), a /dev/shm of its own, Landlock from the same policy, the same limits.
"""

import ctypes
import fcntl
import gc
import hashlib
import importlib.util
import json
import marshal
import os
import pathlib
import resource
import select
import signal
import socket
import stat
import struct
import sys
import tempfile
import types

import pytest
from _pytest import config as pytest_config
from _pytest import fixtures as pytest_fixtures
from _pytest.assertion import rewrite as pytest_rewrite

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
LIBC.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
MADV_POPULATE_WRITE = 23
# The most of the worker's writable memory a prepared check copies while it waits (a light
# worker has some 22 MB; a heavy one, hundreds).
PREFAULT_LIMIT = 48 << 20
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
            pytest.main(["-q", *blocked_args(), "-p", "pyroad_plugin", test])
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(devnull)
            os.close(saved[0])
            os.close(saved[1])
    sys.modules.pop("test_pyroad_warmup", None)
    # Imported by nearly every check (pytest's escaping of test ids) or by several of the
    # curriculum's (sqlite3); cheap to hold, and no learner code.
    for name in ("encodings.unicode_escape", "sqlite3"):
        try:
            __import__(name)
        except ImportError:
            pass
    gc.collect()
    gc.freeze()


# Built-in pytest plugins every check blocks with `-p no:NAME` (the runner's list).
BLOCKED_PLUGINS = os.environ.get("PYROAD_PYTEST_BLOCKED", "").split()
# A plugin manager with pytest's built-in plugins imported and registered, made once: every check
# forks a pristine copy of it instead of registering some thirty plugins again.
PLUGIN_MANAGER = None
# Assertion-rewritten code of the curriculum's test files, by content, compiled in this process
# (parsing and compiling run no code) so a check does not rewrite the same test file again.
REWRITTEN = {}
REWRITE_TEST = pytest_rewrite._rewrite_test
# Where rewritten test files are kept between runs (empty: not kept). Rewriting is pure Python
# and costs about 17 ms per curriculum test file here, loading the stored code 0.4 ms; pytest
# keeps the same in __pycache__, which a check cannot write. One folder per interpreter
# byte-code version and pytest version, as the rewritten code depends on both.
REWRITE_CACHE = os.environ.get("PYROAD_REWRITE_CACHE", "")


def blocked_args():
    """`-p no:NAME` for every plugin the runner blocks."""
    return [arg for name in BLOCKED_PLUGINS for arg in ("-p", "no:" + name)]


def prebuild_plugin_manager():
    global PLUGIN_MANAGER
    try:
        manager = pytest_config.PytestPluginManager()
        manager.consider_preparse(blocked_args(), exclude_only=True)
        for spec in pytest_config.default_plugins:
            manager.import_plugin(spec)
        # Registered last, where `-p pyroad_plugin` would put it; pytest then finds it
        # registered and skips looking for it among the entry points of every installed
        # distribution (5 ms in an environment with 150 of them).
        manager.register(pyroad_plugin, "pyroad_plugin")
        PLUGIN_MANAGER = manager
    except Exception:
        PLUGIN_MANAGER = None


def prebuild_config():
    """A Config made ahead on the prebuilt plugin manager: what it costs (every plugin adding its
    command-line options and ini keys, some 8 ms in a forked check) depends on nothing but the
    plugins. A check fills in its own invocation parameters (see get_config)."""
    global PRECONFIG
    try:
        params = pytest_config.Config.InvocationParams(args=(), plugins=None, dir=pathlib.Path.cwd())
        PRECONFIG = pytest_config.Config(PLUGIN_MANAGER, invocation_params=params)
    except Exception:
        PRECONFIG = None


PRECONFIG = None


def get_config(args=None, plugins=None, *, prog=None):
    """pytest's own get_config, on the prebuilt plugin manager and Config. They serve a check's
    session once; a test that runs pytest itself gets pytest's own, as in a fresh interpreter."""
    global PRECONFIG, PREBUILT_USED
    if PREBUILT_USED:
        return ORIGINAL_GET_CONFIG(args, plugins, prog=prog)
    PREBUILT_USED = True
    params = pytest_config.Config.InvocationParams(args=args or (), plugins=plugins, dir=pathlib.Path.cwd())
    if PRECONFIG is not None:
        config, PRECONFIG = PRECONFIG, None
        config.invocation_params = params
        if prog is not None:
            # Only named in usage errors; a property on newer pytest, an attribute on older.
            config._parser.prog = prog
    else:
        config = pytest_config.Config(PLUGIN_MANAGER, invocation_params=params, prog=prog)
    if params.args:
        PLUGIN_MANAGER.consider_preparse(params.args, exclude_only=True)
    return config


ORIGINAL_GET_CONFIG = pytest_config.get_config
PREBUILT_USED = False


def precompile(paths):
    """Rewrites and compiles test files not seen before (at most 512 kept)."""
    for path in paths:
        try:
            source = pathlib.Path(path).read_bytes()
            key = hashlib.sha256(source).digest()
            if key not in REWRITTEN and len(REWRITTEN) < 512:
                REWRITTEN[key] = stored_rewrite(path, key)
        except BaseException:
            pass


def stored_rewrite(path, key):
    """The rewritten code of a test file: from the rewrite cache if it is there and sound,
    else rewritten now and stored (atomically: a half-written file is never read)."""
    if not REWRITE_CACHE:
        return REWRITE_TEST(pathlib.Path(path), None)[1]
    tag = "%s-%s-pytest-%s" % (sys.implementation.cache_tag, importlib.util.MAGIC_NUMBER.hex(),
                               pytest.__version__)
    stored = os.path.join(REWRITE_CACHE, tag, key.hex() + ".code")
    try:
        with open(stored, "rb") as handle:
            code = marshal.loads(handle.read())
        if isinstance(code, types.CodeType):
            return code
    except (OSError, ValueError, EOFError, TypeError):
        pass
    code = REWRITE_TEST(pathlib.Path(path), None)[1]
    try:
        os.makedirs(os.path.dirname(stored), mode=0o700, exist_ok=True)
        partial = "%s.%d.tmp" % (stored, os.getpid())
        with open(partial, "wb") as handle:
            handle.write(marshal.dumps(code))
        os.replace(partial, stored)
    except (OSError, ValueError):
        pass
    return code


def retarget(code, filename):
    """The code object with every (nested) co_filename set to where the file is now."""
    consts = tuple(retarget(c, filename) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


def rewrite_test(fn, config):
    """pytest's _rewrite_test, answered from REWRITTEN when the source is the same."""
    source = fn.read_bytes()
    code = REWRITTEN.get(hashlib.sha256(source).digest())
    if code is None:
        return REWRITE_TEST(fn, config)
    return importlib.util.source_hash(source), retarget(code, str(fn))


# For pytest's own plugin modules and classes: the names, in dir() order, whose value is or
# wraps a fixture. Every session registers some forty plugins and pytest scans every attribute
# of each (about 2,000) for fixtures, which cost 15 to 25 ms of each check; these modules do not
# change, so a check scans only the names that can matter.
PLUGIN_FIXTURE_NAMES = {}
BUILTIN_DIR = dir


def fixture_like(value):
    """Whether a value is a pytest fixture definition, or wraps one."""
    for _ in range(50):
        if value is None:
            return False
        kind = type(value)
        if kind.__name__ == "FixtureFunctionDefinition":
            return True
        try:
            if getattr(value, "_pytestfixturefunction", None) is not None:
                return True
            value = getattr(value, "__wrapped__", None) or getattr(value, "__func__", None)
        except Exception:
            return True
    return True


def pytest_owned(holder):
    """A module or class of pytest (or pyroad's plugin): the same in every check."""
    name = getattr(holder, "__name__", "") if isinstance(holder, types.ModuleType) else getattr(holder, "__module__", "")
    return isinstance(name, str) and (name in ("pytest", "pyroad_plugin") or name.startswith(("_pytest.", "pytest.")))


def fixture_names(holder):
    """The names of a pytest-owned module or class that may hold a fixture, computed once."""
    key = id(holder)
    found = PLUGIN_FIXTURE_NAMES.get(key)
    if found is not None and found[0] is holder:
        return found[1]
    names = []
    for name in BUILTIN_DIR(holder):
        owners = [holder] if isinstance(holder, types.ModuleType) else getattr(holder, "__mro__", [holder])
        raw = next((o.__dict__[name] for o in owners if name in getattr(o, "__dict__", {})), None)
        try:
            bound = getattr(holder, name, None)
        except Exception:
            bound = None
        if fixture_like(raw) or fixture_like(bound):
            names.append(name)
    # The holder is kept with its names, so its id cannot be reused by another object.
    PLUGIN_FIXTURE_NAMES[key] = (holder, names)
    return names


def plugin_dir(holder):
    """dir() as pytest's fixture scan sees it: for pytest's own plugins, only the names that
    can hold a fixture (and an instance's own attributes); everything else in full."""
    try:
        if isinstance(holder, types.ModuleType):
            if pytest_owned(holder):
                return fixture_names(holder)
        elif not isinstance(holder, type) and pytest_owned(type(holder)):
            own = [n for n, v in getattr(holder, "__dict__", {}).items() if fixture_like(v)]
            return sorted(set(fixture_names(type(holder))).union(own))
    except Exception:
        pass
    return BUILTIN_DIR(holder)


def argnames_key(function, kwargs):
    """What getfuncargnames' answer for a plain function of pytest's own depends on, or None.
    pytest makes such functions anew for every test (`lambda: request`), all with one code
    object; a function that is wrapped, or carries its own signature, is not plain."""
    if type(function) is not types.FunctionType or not pytest_owned(function):
        return None
    if "__wrapped__" in function.__dict__ or "__signature__" in function.__dict__:
        return None
    key = (function.__code__, function.__name__, function.__defaults__, function.__kwdefaults__,
           tuple(sorted(kwargs.items())))
    try:
        hash(key)
    except TypeError:
        return None
    return key


def getfuncargnames(function, *args, **kwargs):
    """pytest's getfuncargnames, worked out once per function of pytest's own (a signature costs
    40 microseconds here, and a session asks for a hundred of them, plus two per test)."""
    key = None if args else argnames_key(function, kwargs)
    if key is None:
        return ORIGINAL_GETFUNCARGNAMES(function, *args, **kwargs)
    found = ARGNAMES.get(key)
    if found is None:
        found = ARGNAMES[key] = ORIGINAL_GETFUNCARGNAMES(function, **kwargs)
    return found


ORIGINAL_GETFUNCARGNAMES = getattr(pytest_fixtures, "getfuncargnames", None)
ARGNAMES = {}


def enter_namespaces(pid_too):
    """New user and network namespaces (and a PID namespace for this process's children when
    `pid_too`), as many as the kernel allows; loopback up.

    Returns (whether this process has its own user namespace, whether children of this process
    start in a new PID namespace).
    """
    user, net = CLONE_NEWUSER, CLONE_NEWNET
    pid = CLONE_NEWPID if pid_too else 0
    if LIBC.unshare(user | net | pid) == 0:
        got_user, got_net, got_pid = True, True, pid_too
    elif LIBC.unshare(user | net) == 0:
        got_user, got_net, got_pid = True, True, False
    else:
        got_user = False
        got_net, got_pid = LIBC.unshare(net) == 0, pid_too and LIBC.unshare(pid) == 0
    if got_net:
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                request = struct.pack("16sH14x", b"lo", 0)
                flags = struct.unpack("16sH14x", fcntl.ioctl(sock, SIOCGIFFLAGS, request))[1]
                fcntl.ioctl(sock, SIOCSIFFLAGS, struct.pack("16sH14x", b"lo", flags | 1))
        except OSError:
            pass
    return got_user, got_pid


# What a check's private /dev/shm may hold (src/confine.rs, SHM_OPTIONS).
SHM_OPTIONS = b"size=64m,nr_inodes=4096,mode=1777"
# What a check's private temp folder may hold (src/confine.rs, TMP_OPTIONS).
TMP_OPTIONS = b"size=256m,nr_inodes=65536,mode=700"
CLONE_NEWNS = 0x00020000
MS_NOSUID, MS_NODEV, MS_REC, MS_PRIVATE = 2, 4, 1 << 14, 1 << 18
LIBC.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]


def private_shm(user_namespace, ids):
    """A /dev/shm of the check's own, as src/confine.rs's private_shm: a new mount namespace
    with a fresh, size-capped tmpfs there, after mapping the check's uid and gid to themselves
    (files on it can only be made by a mapped user). Returns whether it worked."""
    if user_namespace:
        for name, data in (("uid_map", "%d %d 1" % (ids[0], ids[0])), ("setgroups", "deny"),
                           ("gid_map", "%d %d 1" % (ids[1], ids[1]))):
            try:
                fd = os.open("/proc/self/" + name, os.O_WRONLY | os.O_CLOEXEC)
                try:
                    os.write(fd, data.encode())
                finally:
                    os.close(fd)
            except OSError:
                if name != "setgroups":
                    return False
    if LIBC.unshare(CLONE_NEWNS) != 0:
        return False
    if LIBC.mount(None, b"/", None, MS_REC | MS_PRIVATE, None) != 0:
        return False
    return LIBC.mount(b"tmpfs", b"/dev/shm", b"tmpfs", MS_NOSUID | MS_NODEV, SHM_OPTIONS) == 0


def private_tmp(path):
    """A fresh, size-capped tmpfs on the check's temp folder (TMPDIR), as src/confine.rs's
    private_tmp, in the mount namespace private_shm made; where it fails, the folder stays as
    it is."""
    if path:
        LIBC.mount(b"tmpfs", os.fsencode(path), b"tmpfs", MS_NOSUID | MS_NODEV, TMP_OPTIONS)


# This worker's own PID namespace, to return to after forking a check into a new one.
OWN_PID_NAMESPACE = None


def fork_check():
    """Forks the child for a check. Where this process may (root), the child is forked straight
    into a new PID namespace as its pid 1, and this process steps back into its own namespace:
    no relay process, one fork per check. Returns (pid, whether the child has its own PID
    namespace)."""
    global OWN_PID_NAMESPACE
    if OWN_PID_NAMESPACE is None:
        try:
            OWN_PID_NAMESPACE = os.open("/proc/self/ns/pid", os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            OWN_PID_NAMESPACE = -1
    fresh = OWN_PID_NAMESPACE >= 0 and LIBC.unshare(CLONE_NEWPID) == 0
    pid = os.fork()
    if pid and fresh and LIBC.setns(OWN_PID_NAMESPACE, CLONE_NEWPID) != 0:
        # Every later fork would land in this check's namespace: give up this worker.
        os.kill(pid, signal.SIGKILL)
        os._exit(1)
    return pid, fresh


# O_PATH descriptors of the read-only trees, opened once: they are the same for every check.
OPENED = {}
# Access bits of the kernel's uapi: execute, write, read file, read dir, then removals and
# creations, refer (ABI 2), truncate (ABI 3), ioctl on devices (ABI 5).
LANDLOCK_READ = 0b1101
LANDLOCK_FILE_ONLY = 0b111 | (1 << 14) | (1 << 15)


def opened(path, keep):
    """(fd, is_dir) for a path, or None; kept open across checks when `keep`."""
    if path in OPENED:
        return OPENED[path]
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
        entry = (fd, stat.S_ISDIR(os.fstat(fd).st_mode))
    except OSError:
        entry = None
    if keep:
        OPENED[path] = entry
    return entry


def prepare_landlock(policy):
    """Done in the worker before the fork: the rules of the runner's policy as
    (fd, access, is_dir), and the descriptors to close once the child exists."""
    if not policy:
        return None, []
    rules, transient = [], []
    for path in policy.get("read", []):
        entry = opened(path, keep=True)
        if entry:
            rules.append((entry[0], LANDLOCK_READ, entry[1]))
    for path in policy.get("devices", []):
        entry = opened(path, keep=True)
        if entry:
            rules.append((entry[0], LANDLOCK_READ | 0b10 | (1 << 14), entry[1]))
    for path in policy.get("write", []):
        entry = opened(path, keep=False)
        if entry:
            rules.append((entry[0], -1, entry[1]))
            transient.append(entry[0])
    return rules, transient


def landlock(rules):
    """Enforces prepared rules with Landlock, where the kernel has it: writes only under the
    write trees, reads only under the read trees, no signals or abstract sockets outside."""
    if rules is None:
        return
    abi = LIBC.syscall(SYS_LANDLOCK_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint(1))
    if abi <= 0:
        return
    fs_all = (1 << {1: 13, 2: 14, 3: 15, 4: 15}.get(abi, 16)) - 1
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
    for fd, access, is_dir in rules:
        access = fs_all if access < 0 else access
        if not is_dir:
            access &= LANDLOCK_FILE_ONLY
        rule = ctypes.create_string_buffer(struct.pack("=Qi", access & fs_all, fd), 12)
        LIBC.syscall(SYS_LANDLOCK_ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(1), rule, ctypes.c_uint(0))
    LIBC.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    LIBC.syscall(SYS_LANDLOCK_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint(0))
    os.close(ruleset)


def exit_as(status):
    """Exits as a child did: its exit code, or the signal that killed it."""
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            signal.signal(sig, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, [sig])
        except (OSError, ValueError):
            pass
        os.kill(os.getpid(), sig)
        os._exit(128 + sig)
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 127)


def fork_into_pid_namespace():
    """Forks the check as the first process (pid 1) of its PID namespace and returns only in it;
    this process stays outside as a relay. When the check's process ends, the kernel kills
    whatever is left in the namespace. One fork, not two (see src/confine.rs): forking a worker
    that preloaded large libraries is the dearest step of a check."""
    child = os.fork()
    if child:
        while True:
            try:
                _, status = os.waitpid(child, 0)
                exit_as(status)
            except InterruptedError:
                continue
            except OSError:
                os._exit(127)
    LIBC.prctl(PR_SET_PDEATHSIG, 9)


def enter_check_group(request):
    """Joins the check's pids cgroup first, so every process it starts is counted; then its
    own process group, ended with its parent."""
    if request.get("cgroup"):
        try:
            with open(request["cgroup"], "w") as procs:
                procs.write("0")
        except OSError:
            pass
    os.setpgid(0, 0)
    LIBC.prctl(PR_SET_PDEATHSIG, 9)


def child(request, rules, own_pid_namespace, gate, reported, inherited):
    enter_check_group(request)
    if request.get("confine", True):
        confine(request, rules, own_pid_namespace)
    redirect_and_run(request, gate, reported, inherited)


def confine(request, rules, own_pid_namespace, mounts=None):
    """Confines the check; `mounts`, if given, makes the check's mounts in its mount namespace
    (a template's check: see become) and must succeed, else the temp folder is mounted."""
    ids = os.getuid(), os.getgid()
    user_namespace, children_in_new_namespace = enter_namespaces(pid_too=not own_pid_namespace)
    own_mounts = private_shm(user_namespace, ids)
    if mounts is not None:
        if not own_mounts:
            raise OSError("no mount namespace")
        mounts()
    elif own_mounts:
        private_tmp(request["env"].get("TMPDIR"))
    if own_mounts and rules is not None:
        # Landlock ignores the rules of a path a mount hides: the new /dev/shm needs its own.
        try:
            shm = os.open("/dev/shm", os.O_PATH | os.O_CLOEXEC)
            rules = rules + [(shm, -1, True)]
        except OSError:
            pass
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
    landlock(rules)
    if children_in_new_namespace:
        fork_into_pid_namespace()
    elif not own_pid_namespace:
        fork_under_subreaper()


def fork_under_subreaper():
    """Without a PID namespace: forks the check below this process, a subreaper that kills and
    reaps everything the check left (setsid and double-fork escapes too) when it ends. Other
    checks run beside this one, so the worker cannot do that sweep itself."""
    if LIBC.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        return
    child = os.fork()
    if child == 0:
        LIBC.prctl(PR_SET_PDEATHSIG, 9)
        return
    status = None
    while status is None:
        try:
            pid, got = os.waitpid(-1, 0)
        except InterruptedError:
            continue
        except ChildProcessError:
            break
        if pid == child:
            status = got
    sweep_orphans()
    exit_as(status if status is not None else signal.SIGKILL)


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


def worker_fds():
    """The worker's open descriptors above stderr, listed before a fork (a confined child may
    not read /proc)."""
    try:
        return [int(name) for name in os.listdir("/proc/self/fd") if int(name) > 2]
    except (OSError, ValueError):
        return list(range(3, 256))


def close_inherited(fds, keep):
    """Closes the worker's descriptors but `keep`: its pipes to pyroad, the Landlock rules'
    folders and its namespace are none of the check's business, and a learner's code writing
    into the worker's replies could otherwise speak for the worker."""
    for fd in fds:
        if fd not in keep:
            try:
                os.close(fd)
            except OSError:
                pass


def redirect_and_run(request, gate, reported, inherited):
    stdin = os.open(os.devnull, os.O_RDONLY)
    out = os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    err = os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(stdin, 0)
    os.dup2(out, 1)
    os.dup2(err, 2)
    close_inherited(set(inherited) | {stdin, out, err}, {0, 1, 2, gate, reported})
    # What a fresh `python -m pytest` in that folder would have: its environment, cwd,
    # argv and sys.path, a temp dir read from the new TMPDIR, and no module of the same name
    # as a staged file left over from the worker.
    os.environ.clear()
    os.environ.update(request["env"])
    if reported is not None:
        # For the plugin, which takes it out of the environment before any learner code runs.
        os.environ["PYROAD_REPORTED_FD"] = str(reported)
    os.chdir(request["cwd"])
    tempfile.tempdir = None
    sys.argv = ["pytest"]
    sys.path[0] = request["cwd"]
    for name in request.get("staged", []):
        sys.modules.pop(name, None)
    if PLUGIN_MANAGER is not None:
        pytest_config.get_config = get_config
    pytest_rewrite._rewrite_test = rewrite_test
    code = 3
    try:
        code = int(pytest.main(request["args"], plugins=[Gate(gate)]))
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
        data = os.read(REQUEST_FD, 65536)
        if not data:
            self.closed = True
        self.buffer += data

    def pop(self):
        """The next complete line, or None until more has been read."""
        if b"\n" not in self.buffer:
            return None
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line


def sweep_orphans(keep=()):
    """Kills and reaps this process's children other than `keep`: what a check left running
    that was re-parented here, this process being a subreaper."""
    path = "/proc/self/task/%d/children" % os.getpid()
    for _ in range(200):
        try:
            with open(path) as handle:
                pids = [int(p) for p in handle.read().split() if int(p) not in keep]
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


class Check:
    """A running check: the request's id, the child's pid, a pidfd to wait on (if any), and the
    read end of its "reported" pipe (if it has one and it has not spoken yet)."""

    def __init__(self, ident, pid, reported=None):
        self.ident = ident
        self.pid = pid
        self.reported = reported
        try:
            self.pidfd = os.pidfd_open(pid)
        except (AttributeError, OSError):
            self.pidfd = None

    def close_reported(self):
        if self.reported is not None:
            os.close(self.reported)
            self.reported = None


# The pipes to pyroad: stdin and stdout, or copies of them in a template (see template_main),
# whose own stdout is the template session's output.
REQUEST_FD = 0
REPLY_FD = 1


def reply(message):
    data = (json.dumps(message) + "\n").encode()
    while data:
        data = data[os.write(REPLY_FD, data):]


# The write ends of the gates of prepared checks, by request id.
GATES = {}


def start(request, running, template=False):
    """Forks the child for one request and reports its pid. In a template, the child goes on
    into the template's pytest session (BecomeCheck) instead of starting its own."""
    if template and not template_fits(request):
        # No pid: the runner runs this one cold.
        reply({"id": request.get("id")})
        return
    precompile(request.get("rewrite", []))
    confine = request.get("confine", True)
    rules, transient = prepare_landlock(request.get("landlock")) if confine else (None, [])
    gate = os.pipe() if request.get("gated") else None
    # Close-on-exec: a process the learner's code starts never holds it.
    reported = os.pipe2(os.O_CLOEXEC) if request.get("early") else None
    inherited = worker_fds()
    pid, own_pid_namespace = fork_check() if confine else (os.fork(), False)
    if pid == 0:
        try:
            # Nothing of the other checks (their pidfds, their gates) or of the worker's pipes
            # stays open in this one.
            for other in running:
                if other.pidfd is not None:
                    os.close(other.pidfd)
                other.close_reported()
            for fd in GATES.values():
                os.close(fd)
            if gate is not None:
                os.close(gate[1])
            if reported is not None:
                os.close(reported[0])
            if not template:
                child(request, rules, own_pid_namespace, gate[0] if gate is not None else None,
                      reported[1] if reported is not None else None, inherited)
        except BaseException:
            pass
        else:
            if template:
                raise BecomeCheck(request, rules, own_pid_namespace, gate[0] if gate is not None else None,
                                  reported[1] if reported is not None else None, inherited)
        # Never back into the worker's loop as a second worker, whatever went wrong.
        os._exit(3)
    for fd in transient:
        os.close(fd)
    if gate is not None:
        os.close(gate[0])
        GATES[request.get("id")] = gate[1]
    if reported is not None:
        os.close(reported[1])
    try:
        os.setpgid(pid, pid)
    except OSError:
        pass
    running.append(Check(request.get("id"), pid, reported[0] if reported is not None else None))
    answer = {"id": request.get("id"), "pid": pid}
    if template:
        # Where the check sees its folder, which its messages name.
        answer["work"] = os.path.join(TEMPLATE_ROOT, "work")
    reply(answer)


def open_gate(ident, go):
    """Lets a prepared check run (`go`), or makes it end without running anything."""
    fd = GATES.pop(ident, None)
    if fd is None:
        return
    try:
        if go:
            os.write(fd, b"g")
    except OSError:
        pass
    finally:
        os.close(fd)


def finish(check, running, status):
    running.remove(check)
    check.close_reported()
    open_gate(check.ident, go=False)
    if check.pidfd is not None:
        os.close(check.pidfd)
    # What an ended check left re-parented here (only possible without a PID namespace).
    sweep_orphans(keep={c.pid for c in running})
    if os.WIFSIGNALED(status):
        reply({"id": check.ident, "signal": os.WTERMSIG(status)})
    else:
        reply({"id": check.ident, "exit": os.WEXITSTATUS(status)})


def reap(running, check=None):
    """Collects the checks that ended (only `check` when given)."""
    for c in [check] if check else list(running):
        try:
            pid, status = os.waitpid(c.pid, 0 if check else os.WNOHANG)
        except InterruptedError:
            continue
        except ChildProcessError:
            pid, status = c.pid, signal.SIGKILL
        if pid == c.pid:
            finish(c, running, status)


def main():
    # The worker ends when pyroad closes its stdin (pyroad exited, whatever the reason); the
    # checks still running end with it.
    LIBC.prctl(PR_SET_CHILD_SUBREAPER, 1)
    # Before the warm-up, whose session fills the table for every plugin a check registers.
    pytest_fixtures.dir = plugin_dir
    if ORIGINAL_GETFUNCARGNAMES is not None:
        pytest_fixtures.getfuncargnames = getfuncargnames
    # No collections while importing (a tenth of the heavy worker's imports): what is made here
    # lives as long as the worker, and is frozen below.
    gc.disable()
    warm_up()
    preload()
    prebuild_plugin_manager()
    if PLUGIN_MANAGER is not None:
        prebuild_config()
    # Frozen without a collection first: the few thousand objects it would free are not worth
    # walking the heavy worker's 400 000 (0.4 s); forked checks never walk frozen ones.
    gc.freeze()
    gc.enable()
    reply({"ready": True})
    serve(Requests(), [], template=False)


def serve(requests, running, template):
    """Answers requests until pyroad closes the pipe. The worker's first check request may hand
    the serving over to a template (see hand_over); if it cannot, the worker goes on itself."""
    global TEMPLATE_TRIED
    while True:
        line = requests.pop()
        if line is not None:
            if line.strip():
                message = json.loads(line)
                if "go" in message or "drop" in message:
                    open_gate(message.get("go", message.get("drop")), go="go" in message)
                else:
                    if not template and not TEMPLATE_TRIED and not running and not GATES:
                        TEMPLATE_TRIED = True
                        hand_over(message, requests)
                    start(message, running, template)
            continue
        if requests.closed:
            for c in running:
                try:
                    os.killpg(c.pid, signal.SIGKILL)
                except OSError:
                    pass
            if template:
                os._exit(0)
            return
        fds = [c.pidfd for c in running if c.pidfd is not None]
        # Without pidfds (Linux before 5.3), poll for ended checks.
        polling = len(fds) < len(running)
        said = [c.reported for c in running if c.reported is not None]
        ready, _, _ = select.select([REQUEST_FD, *fds, *said], [], [], 0.005 if polling else None)
        for fd in ready:
            if fd == REQUEST_FD:
                requests.fill()
                continue
            check = next((c for c in running if fd in (c.pidfd, c.reported)), None)
            if check is None:
                continue
            if fd == check.reported:
                # A byte: the report is written. End of file: the child ended without one
                # (its exit is reported as usual).
                if os.read(fd, 1):
                    reply({"id": check.ident, "reported": True})
                check.close_reported()
            else:
                reap(running, check)
        if polling:
            reap(running)


# Templates. Most of a warm check's own work before it reads any of the learner's files is
# pytest's: parsing its options, registering and configuring its plugins, starting the session
# (some 20 ms of 50 here). All of it is the same for every check of a run but for the paths
# of the check's folder. A template is a process that has done it once, for a folder of its own
# (TEMPLATE_ROOT), and stopped where collection starts; each check is forked from it, mounts
# its own folder over the template's in its private mount namespace (so every path pytest
# keeps names the check's files), takes its own output files and environment, and goes on
# into collection. The worker forks the template from its first check request and hands it
# the pipes to pyroad; where a template cannot be made, the worker serves as before.

TEMPLATE_ROOT = os.path.join(os.getcwd(), "stage")
# The exit status of a template that could not start serving: the worker then serves itself.
TEMPLATE_UNAVAILABLE = 86
TEMPLATE_TRIED = os.environ.get("PYROAD_TEMPLATE", "1") == "0"
TEMPLATE_SERVING = False
# The request's arguments and environment as the template's folder sees them, without the
# per-check parts (see as_template).
TEMPLATE_ARGS = None
TEMPLATE_ENV = None
# Variables that differ between checks of a run; a check sets them for itself.
PER_CHECK_ENV = ("PYROAD_REPORT", "PYROAD_LEARNER")
# The template's output files (device, inode) and pytest's descriptors in it (its capture
# files, its saved copies of stdout and stderr, faulthandler's), found where serving starts.
TEMPLATE_OUTPUT = {}
TEMPLATE_FDS = frozenset()
TEMPLATE_TMPFILES = frozenset()
MS_BIND = 4096


class BecomeCheck(BaseException):
    """Raised in a child forked by a template: unwinds it out of the template's loop into the
    pytest session, as the check."""

    def __init__(self, request, rules, own_pid_namespace, gate, reported, inherited):
        super().__init__()
        self.request, self.rules, self.own_pid_namespace = request, rules, own_pid_namespace
        self.gate, self.reported, self.inherited = gate, reported, inherited


def stage_root(request):
    """The folder of a check's stage: its working folder's parent."""
    return os.path.dirname(request.get("cwd", "").rstrip("/"))


def translated(value, root):
    return value.replace(root, TEMPLATE_ROOT) if isinstance(value, str) else value


def as_template(request):
    """(args, env) of a check request as the template's folder sees them: its stage's path
    replaced by TEMPLATE_ROOT, without the test file (the last argument) and the per-check
    variables."""
    root = stage_root(request)
    args = [translated(a, root) for a in request.get("args", [])[:-1]]
    env = {k: translated(v, root) for k, v in request.get("env", {}).items() if k not in PER_CHECK_ENV}
    return args, env


def template_fits(request):
    """Whether a request can be served from the template: confined (its folder is mounted in
    a namespace of its own), for a stage laid out as the runner makes them, and with the same
    arguments and environment but for its paths."""
    root = stage_root(request)
    return (request.get("confine", True) and request.get("args") and len(root) > 1
            and request.get("cwd", "").rstrip("/") == os.path.join(root, "work")
            and as_template(request) == (TEMPLATE_ARGS, TEMPLATE_ENV))


def hand_over(first, requests):
    """Forks a template for requests like `first` and waits for it: it serves every request
    from now on, and this worker ends as it does. Returns if it could not start serving."""
    if not first.get("confine", True) or not first.get("args"):
        return
    pid = os.fork()
    if pid == 0:
        try:
            template_main(first, requests)
        except BaseException:
            pass
        os._exit(1 if TEMPLATE_SERVING else TEMPLATE_UNAVAILABLE)
    while True:
        try:
            _, status = os.waitpid(pid, 0)
            break
        except InterruptedError:
            continue
        except ChildProcessError:
            return
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == TEMPLATE_UNAVAILABLE:
        return
    # The template served and ended (pyroad closed the pipe, or it died): so does the worker.
    os._exit(0)


def trial_mount():
    """Whether a child can make the mounts a check of the template needs."""
    pid = os.fork()
    if pid == 0:
        try:
            ids = os.getuid(), os.getgid()
            user, _ = enter_namespaces(pid_too=False)
            ok = (private_shm(user, ids)
                  and LIBC.mount(os.fsencode(TEMPLATE_ROOT), os.fsencode(TEMPLATE_ROOT), None, MS_BIND, None) == 0)
            os._exit(0 if ok else 1)
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def template_main(first, requests):
    """The template: pytest configured for TEMPLATE_ROOT, then serving inside its session (see
    TemplateGate). Raises (before serving) where it cannot be made."""
    global TEMPLATE_ARGS, TEMPLATE_ENV, REQUEST_FD, REPLY_FD
    LIBC.prctl(PR_SET_PDEATHSIG, 9)
    LIBC.prctl(PR_SET_CHILD_SUBREAPER, 1)
    TEMPLATE_ARGS, TEMPLATE_ENV = as_template(first)
    work = os.path.join(TEMPLATE_ROOT, "work")
    for sub in ("work", "tmp", "plugin"):
        os.makedirs(os.path.join(TEMPLATE_ROOT, sub), exist_ok=True)
    with open(os.path.join(TEMPLATE_ROOT, "pytest.ini"), "w") as ini:
        ini.write("[pytest]\n")
    if not trial_mount():
        raise OSError("no mount namespace for the template's checks")
    # pytest writes to fds 1 and 2 and reads 0: the pipes to pyroad move out of its way.
    REQUEST_FD, REPLY_FD = os.dup(0), os.dup(1)
    out = os.open(os.path.join(TEMPLATE_ROOT, "..", "template-stdout"), os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    err = os.open(os.path.join(TEMPLATE_ROOT, "..", "template-stderr"), os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    null = os.open(os.devnull, os.O_RDONLY)
    for fd, target in ((null, 0), (out, 1), (err, 2)):
        os.dup2(fd, target)
        os.close(fd)
    os.environ.clear()
    os.environ.update(TEMPLATE_ENV)
    os.chdir(work)
    tempfile.tempdir = None
    sys.argv = ["pytest"]
    sys.path[0] = work
    if PLUGIN_MANAGER is not None:
        pytest_config.get_config = get_config
    pytest_rewrite._rewrite_test = rewrite_test
    TemplateGate.first = first
    TemplateGate.requests = requests
    code = 3
    try:
        code = int(pytest.main(TEMPLATE_ARGS, plugins=[TemplateGate()]))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        code = 3
    if not IS_CHECK:
        raise RuntimeError("the template's session ended before collection")
    # A check's session is over: as redirect_and_run ends one.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


# Set in a child of the template once it is a check.
IS_CHECK = False


class TemplateGate:
    """Where the template stops (as collection starts) to serve, and where each check forked
    from it becomes itself and goes on."""

    first = None
    requests = None

    @pytest.hookimpl(hookwrapper=True)
    def pytest_collection(self, session):
        gate = None
        try:
            start_serving(TemplateGate.first, TemplateGate.requests)
        except BecomeCheck as check:
            try:
                become(check, session)
            except BaseException:
                os._exit(3)
            gate = check.gate
        else:
            os._exit(1)
        wait_at_gate(gate)
        gc.freeze()
        yield


def start_serving(first, requests):
    global TEMPLATE_SERVING, TEMPLATE_OUTPUT, TEMPLATE_FDS, TEMPLATE_TMPFILES
    fds = set()
    for fd in worker_fds():
        try:
            info = os.fstat(fd)
        except OSError:
            continue
        if fd not in (REQUEST_FD, REPLY_FD):
            fds.add(fd)
            if stat.S_ISREG(info.st_mode) and info.st_nlink == 0:
                TEMPLATE_TMPFILES = TEMPLATE_TMPFILES | {fd}
    TEMPLATE_FDS = frozenset(fds)
    for fd in (1, 2):
        info = os.fstat(fd)
        TEMPLATE_OUTPUT[(info.st_dev, info.st_ino)] = fd
    gc.freeze()
    TEMPLATE_SERVING = True
    running = []
    start(first, running, template=True)
    serve(requests, running, template=True)


def become(check, session):
    """Turns a child forked by the template into the check of its request."""
    global IS_CHECK
    IS_CHECK = True
    request = check.request
    root = stage_root(request)
    enter_check_group(request)
    out = os.open(request["stdout"], os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    err = os.open(request["stderr"], os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    # What the session printed before it stopped (its first line) opens the check's output,
    # as it would a check of its own.
    for source, target in ((1, out), (2, err)):
        copy_written(source, target)

    def mounts():
        if LIBC.mount(os.fsencode(root), os.fsencode(TEMPLATE_ROOT), None, MS_BIND, None) != 0:
            raise OSError("cannot mount the check's folder")
        private_tmp(os.path.join(TEMPLATE_ROOT, "tmp"))
        os.chdir(os.path.join(TEMPLATE_ROOT, "work"))

    confine(request, check.rules, check.own_pid_namespace, mounts)
    # Every descriptor pytest holds on the template's output now holds the check's, and its
    # capture files are the check's own (in the check's temp folder).
    for fd in TEMPLATE_FDS:
        try:
            info = os.fstat(fd)
        except OSError:
            continue
        source = TEMPLATE_OUTPUT.get((info.st_dev, info.st_ino))
        if source is not None:
            os.dup2(out if source == 1 else err, fd)
        elif fd in TEMPLATE_TMPFILES:
            fresh = os.open(os.path.join(TEMPLATE_ROOT, "tmp"), os.O_TMPFILE | os.O_RDWR, 0o600)
            os.dup2(fresh, fd)
            os.close(fresh)
    stdin = os.open(os.devnull, os.O_RDONLY)
    os.dup2(stdin, 0)
    os.dup2(out, 1)
    os.dup2(err, 2)
    for fd in (stdin, out, err):
        os.close(fd)
    close_inherited(check.inherited, set(TEMPLATE_FDS) | {0, 1, 2, check.gate, check.reported})
    os.environ.clear()
    os.environ.update({k: translated(v, root) for k, v in request["env"].items()})
    if check.reported is not None:
        os.environ["PYROAD_REPORTED_FD"] = str(check.reported)
    tempfile.tempdir = None
    for name in request.get("staged", []):
        sys.modules.pop(name, None)
    pyroad_plugin._read_environment()
    config = session.config
    config.args = [request["args"][-1]]
    if hasattr(pytest_config.Config, "ArgsSource"):
        config.args_source = pytest_config.Config.ArgsSource.ARGS
    restart_clock(config)


def copy_written(source, target):
    offset = 0
    while True:
        chunk = os.pread(source, 65536, offset)
        if not chunk:
            return
        os.write(target, chunk)
        offset += len(chunk)


def restart_clock(config):
    """The session's duration counts from the check's start, not the template's."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    from _pytest import timing
    if hasattr(reporter, "_session_start") and hasattr(timing, "Instant"):
        reporter._session_start = timing.Instant()
    if hasattr(reporter, "_sessionstarttime"):
        reporter._sessionstarttime = timing.time()


if __name__ == "__main__":
    main()
