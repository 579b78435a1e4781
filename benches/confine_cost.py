#!/usr/bin/env python3
"""What confining one warm check costs, without the noise of a whole pytest session.

usage: python3 benches/confine_cost.py [--runs N]   (run with the interpreter checks use)

Loads pyroad's warm worker (src/plugin/pyroad_worker/confine.py) with pytest imported, as a light
worker is, and times fork-to-exit of a child N times each way, alternating:
  bare      fork, setpgid, exit: what a warm check costs before any confinement
  confined  the worker's real steps: the PID namespace fork, a pids cgroup (as root), user and
            network namespaces with loopback up, the resource limits and Landlock
Prints medians and the difference. The cgroup part needs root and cgroup v1 pids or v2.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src" / "plugin"))
sys.dont_write_bytecode = True
import pytest  # noqa: E402,F401  (a light worker has it imported)
from pyroad_worker import confine  # noqa: E402


def make_cgroup():
    for base in ("/sys/fs/cgroup/pids", "/sys/fs/cgroup"):
        path = Path(base) / f"pyroad-bench-{os.getpid()}"
        try:
            path.mkdir()
        except OSError:
            continue
        if (path / "pids.max").exists():
            return path
        path.rmdir()
    return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=41)
    args = parser.parse_args()
    sandbox = Path(tempfile.mkdtemp(prefix="pyroad-confine-bench-"))
    exe = Path(sys.executable)
    policy = {
        "read": ["/usr", "/lib", "/lib64", "/bin", "/sbin", "/etc", "/opt", "/proc", "/sys", "/dev",
                 str(exe.parent.parent), str(exe.resolve().parent.parent)],
        "write": [str(sandbox), "/dev/shm"],
        "devices": ["/dev/null", "/dev/zero", "/dev/full", "/dev/tty"],
    }
    cgroup = make_cgroup()
    confinement = confine.Confinement(preload_bytes=0)
    request = {
        "cgroup": str(cgroup / "cgroup.procs") if cgroup else None,
        # A real check's temp folder gets a tmpfs of its own too.
        "env": {"TMPDIR": str(sandbox)},
        "limits": {"data": 1 << 30, "fsize": 64 << 20, "cpu": 15, "nofile": 1024},
    }

    def once(confining: bool) -> float:
        start = time.perf_counter()
        if confining:
            rules, transient = confinement.prepare_landlock(policy)
            pid, own = confinement.fork_check()
        else:
            pid, own = os.fork(), False
        if pid == 0:
            try:
                if confining:
                    if request["cgroup"]:
                        with open(request["cgroup"], "w") as procs:
                            procs.write("0")
                    os.setpgid(0, 0)
                    confine.LIBC.prctl(confine.PR_SET_PDEATHSIG, 9)
                    confinement.apply(request, rules, own)
                else:
                    os.setpgid(0, 0)
            finally:
                os._exit(0)
        if confining:
            for fd in transient:
                os.close(fd)
        os.waitpid(pid, 0)
        return (time.perf_counter() - start) * 1000

    try:
        bare, confined = [], []
        for _ in range(args.runs):
            bare.append(once(False))
            confined.append(once(True))
        b, c = statistics.median(bare), statistics.median(confined)
        print(f"cgroup: {'yes' if cgroup else 'no (not root, or no pids controller)'}; "
              f"Landlock ABI {confine.LIBC.syscall(444, None, 0, 1)}")
        print(f"bare fork+exit      median {b:6.2f} ms")
        print(f"confined fork+exit  median {c:6.2f} ms   overhead {c - b:+.2f} ms per check")
    finally:
        if cgroup:
            cgroup.rmdir()
        sandbox.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
