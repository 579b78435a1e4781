# Attack: leaving the check's cgroup. A child writes itself into the root of every cgroup
# hierarchy it can find (the pids one pyroad uses to count and kill a check's processes), then
# calls setsid() and lingers. The check ends quickly with a failing test; the child must not
# survive it. Only existing cgroup.procs files are written, never created.
import ctypes
import os
import time

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)


def leave_cgroups():
    roots = []
    with open("/proc/self/cgroup") as own:
        for line in own:
            _, controllers, _ = line.rstrip("\n").split(":", 2)
            if "pids" in controllers.split(","):
                roots.append("/sys/fs/cgroup/pids")
            elif controllers == "":
                roots += ["/sys/fs/cgroup", "/sys/fs/cgroup/unified"]
    for root in roots:
        try:
            fd = os.open(os.path.join(root, "cgroup.procs"), os.O_WRONLY)
        except OSError:
            continue
        try:
            os.write(fd, b"0")
        except OSError:
            pass
        finally:
            os.close(fd)


if os.fork() == 0:
    try:
        leave_cgroups()
        os.setsid()
        time.sleep(30)
    finally:
        os._exit(0)


def add(a, b):
    return a - b
