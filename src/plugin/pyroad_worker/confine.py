"""A forked check confined as pyroad's cold path confines one (src/sandbox/linux/confine.rs), from the same
policy: new user, network and PID namespaces (the check is the namespace's pid 1, so every
process it starts ends with it), a /dev/shm and temp folder of its own, Landlock, the same
limits. Also the process plumbing around it: joining the check's cgroup and process group,
closing what the check must not hold, reaping what it leaves behind.
"""

import ctypes
import fcntl
import os
import resource
import signal
import socket
import stat
import struct

PR_SET_PDEATHSIG = 1
PR_SET_NO_NEW_PRIVS = 38
PR_SET_CHILD_SUBREAPER = 36
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNS = 0x00020000
SYS_LANDLOCK_CREATE_RULESET = 444
SYS_LANDLOCK_ADD_RULE = 445
SYS_LANDLOCK_RESTRICT_SELF = 446
SIOCGIFFLAGS = 0x8913
SIOCSIFFLAGS = 0x8914
MS_NOSUID, MS_NODEV, MS_BIND, MS_REC, MS_PRIVATE = 2, 4, 4096, 1 << 14, 1 << 18
# What a check's private /dev/shm may hold (src/sandbox/linux/confine.rs, SHM_OPTIONS).
SHM_OPTIONS = b"size=64m,nr_inodes=4096,mode=1777"
# What a check's private temp folder may hold (src/sandbox/linux/confine.rs, TMP_OPTIONS).
TMP_OPTIONS = b"size=256m,nr_inodes=65536,mode=700"
# Access bits of the kernel's uapi: execute, write, read file, read dir, then removals and
# creations, refer (ABI 2), truncate (ABI 3), ioctl on devices (ABI 5).
LANDLOCK_READ = 0b1101
LANDLOCK_FILE_ONLY = 0b111 | (1 << 14) | (1 << 15)

LIBC = ctypes.CDLL(None, use_errno=True)
LIBC.syscall.restype = ctypes.c_long
LIBC.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
LIBC.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]


class Confinement:
    """What confining checks keeps between them: descriptors of the read-only trees (the same for
    every check), this worker's own PID namespace, and the memory the preloaded libraries took."""

    def __init__(self, preload_bytes):
        # A forked check's memory limit is raised by as much, so the learner's code gets the
        # same headroom as in a fresh interpreter.
        self.preload_bytes = preload_bytes
        self.opened = {}
        self.own_pid_namespace = None

    def fork_check(self):
        """Forks the child for a check. Where this process may (root), the child is forked
        straight into a new PID namespace as its pid 1, and this process steps back into its own
        namespace: no relay process, one fork per check. Returns (pid, whether the child has its
        own PID namespace)."""
        if self.own_pid_namespace is None:
            try:
                self.own_pid_namespace = os.open("/proc/self/ns/pid", os.O_RDONLY | os.O_CLOEXEC)
            except OSError:
                self.own_pid_namespace = -1
        fresh = self.own_pid_namespace >= 0 and LIBC.unshare(CLONE_NEWPID) == 0
        pid = os.fork()
        if pid and fresh and LIBC.setns(self.own_pid_namespace, CLONE_NEWPID) != 0:
            # Every later fork would land in this check's namespace: give up this worker.
            os.kill(pid, signal.SIGKILL)
            os._exit(1)
        return pid, fresh

    def open_path(self, path, keep):
        """(fd, is_dir) for a path, or None; kept open across checks when `keep`."""
        if path in self.opened:
            return self.opened[path]
        try:
            fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            entry = (fd, stat.S_ISDIR(os.fstat(fd).st_mode))
        except OSError:
            entry = None
        if keep:
            self.opened[path] = entry
        return entry

    def prepare_landlock(self, policy):
        """Done in the worker before the fork: the rules of the runner's policy as
        (fd, access, is_dir), and the descriptors to close once the child exists."""
        if not policy:
            return None, []
        rules, transient = [], []
        for path in policy.get("read", []):
            entry = self.open_path(path, keep=True)
            if entry:
                rules.append((entry[0], LANDLOCK_READ, entry[1]))
        for path in policy.get("devices", []):
            entry = self.open_path(path, keep=True)
            if entry:
                rules.append((entry[0], LANDLOCK_READ | 0b10 | (1 << 14), entry[1]))
        for path in policy.get("write", []):
            entry = self.open_path(path, keep=False)
            if entry:
                rules.append((entry[0], -1, entry[1]))
                transient.append(entry[0])
        return rules, transient

    def apply(self, request, rules, own_pid_namespace, mounts=None):
        """Confines the check; `mounts`, if given, makes the check's mounts in its mount
        namespace (a template's check) and must succeed, else the temp folder is mounted."""
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
        for name, value in (("RLIMIT_DATA", limits["data"] + self.preload_bytes),
                            ("RLIMIT_FSIZE", limits["fsize"]), ("RLIMIT_CPU", limits["cpu"]),
                            ("RLIMIT_CORE", 0), ("RLIMIT_NOFILE", limits.get("nofile", 1024))):
            try:
                resource.setrlimit(getattr(resource, name), (value, value))
            except (ValueError, OSError):
                pass
        landlock(rules)
        if children_in_new_namespace:
            fork_into_pid_namespace()
        elif not own_pid_namespace:
            fork_under_subreaper()


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


def private_shm(user_namespace, ids):
    """A /dev/shm of the check's own, as src/sandbox/linux/confine.rs's private_shm: a new mount namespace
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
    """A fresh, size-capped tmpfs on the check's temp folder (TMPDIR), as src/sandbox/linux/confine.rs's
    private_tmp, in the mount namespace private_shm made; where it fails, the folder stays as
    it is."""
    if path:
        LIBC.mount(b"tmpfs", os.fsencode(path), b"tmpfs", MS_NOSUID | MS_NODEV, TMP_OPTIONS)


def bind(source, target):
    """Mounts `source` over `target` in this process's mount namespace; whether it worked."""
    return LIBC.mount(os.fsencode(source), os.fsencode(target), None, MS_BIND, None) == 0


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
    whatever is left in the namespace. One fork, not two (see src/sandbox/linux/confine.rs): forking a worker
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


def open_fds():
    """This process's open descriptors above stderr, listed before a fork (a confined child may
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
