#!/usr/bin/env python3
"""Times `pyroad grade` on a generated class against the obvious alternatives.

usage: python3 benches/grade_class.py --python PATH [--students N] [--topic N]
                                      [--loop-students K] [--no-build]

A class of N students (default 100) is generated from the curriculum: student i hands in, for
exercise j, the reference solution when (i + j) % 3 != 0, else the stub as shipped, so about a
third of every submission fails. Then, one after the other:

(a) `pyroad grade class -o OUT` (warm workers, every core);
(b) a shell loop of `pyroad verify --format json` over one workspace per student (each made
    beforehand with `pyroad init`, outside the timing), what a teacher would script today;
(c) a loop of plain `python -m pytest -q -p no:cacheprovider` per exercise per student, in a
    folder holding that student's file and the exercise's test. This is the slowest by far, so
    it runs over the first K students only (default 5) and is scaled to N, and the report says
    so.

Reported: each one's wall time, checks per second, and (a)'s speed-up over (b) and (c); and the
peak memory of (a)'s whole process tree (the sum of every process's proportional set size,
sampled every 50 ms from /proc: Linux only). PATH must have pytest and the extras the chosen
exercises require.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_check_vs_pytest import ROOT, release_pyroad, stage  # noqa: E402


def exercises(topic: int | None) -> list[tuple[Path, dict]]:
    out = []
    for info_path in sorted((ROOT / "exercises").glob("*/*/info.toml")):
        number = int(info_path.parent.parent.name.split("-")[0])
        if topic is not None and number != topic:
            continue
        info = tomllib.loads(info_path.read_text())
        if info["mode"] != "output":
            out.append((info_path.parent, info))
    return out


def hand_in(ex: Path, info: dict, solved: bool, into: Path) -> None:
    """The student's files of one exercise, as a workspace holds them."""
    module = ex.name.replace("-", "_")
    into.mkdir(parents=True, exist_ok=True)
    shutil.copy(ex / ("solution.py" if solved else f"{module}.py"), into / f"{module}.py")
    # The stub's files, then the whole solution folder over them, as a solved workspace has
    # them: a solution folder need not repeat what the stub already has (a package's
    # __init__.py).
    for f in info.get("files", []):
        src = ex / f
        if src.is_dir():
            shutil.copytree(src, into / f, dirs_exist_ok=True)
        elif src.exists():
            (into / f).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, into / f)
    if solved and (ex / "solution").is_dir():
        shutil.copytree(ex / "solution", into, dirs_exist_ok=True)


def tree_pss(root: int) -> int:
    """Bytes of proportional set size of `root` and every descendant."""
    parent = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                parent[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        for child, ppid in parent.items():
            if ppid == p and child not in tree:
                tree.add(child)
                frontier.append(child)
    total = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def run_with_peak(cmd: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_pss(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    proc.wait()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    return elapsed, peak


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--python", required=True)
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--topic", type=int)
    parser.add_argument("--loop-students", type=int, default=5)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if os.sep in args.python:
        # The loops run from other folders.
        args.python = str(Path(args.python).absolute())
    pyroad = release_pyroad(not args.no_build)
    # The curriculum on disk, which the class is made from (a binary built earlier carries an
    # older one built in).
    curriculum = ROOT / "exercises"
    chosen = exercises(args.topic)
    n = args.students
    tmp = Path(tempfile.mkdtemp(prefix="pyroad-grade-bench-"))
    try:
        class_dir = tmp / "class"
        for i in range(n):
            for j, (ex, info) in enumerate(chosen):
                rel = Path("exercises") / ex.parent.name / ex.name
                hand_in(ex, info, (i + j) % 3 != 0, class_dir / f"s{i:03}" / rel)
        checks = n * len(chosen)
        topic = ["--topic", str(args.topic)] if args.topic is not None else []
        print(f"{n} students x {len(chosen)} exercises = {checks} checks", flush=True)

        grade, peak = run_with_peak(
            [pyroad, "--exercises", str(curriculum), "grade", str(class_dir), "-o",
             str(tmp / "out"), "--python", args.python, *topic])

        workspaces = []
        for i in range(n):
            ws = tmp / "ws" / f"s{i:03}"
            subprocess.run([pyroad, "init", str(ws), "--exercises", str(curriculum),
                            "--python", args.python], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            shutil.copytree(class_dir / f"s{i:03}" / "exercises", ws / "exercises",
                            dirs_exist_ok=True)
            workspaces.append(ws)
        start = time.perf_counter()
        for ws in workspaces:
            subprocess.run([pyroad, "verify", "--format", "json", *topic], cwd=ws,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        verify_loop = time.perf_counter() - start

        k = min(args.loop_students, n)
        dirs = []
        for i in range(k):
            for j, (ex, info) in enumerate(chosen):
                d = tmp / "loop" / f"s{i:03}-{ex.parent.name}-{ex.name}"
                stage(ex, info, (i + j) % 3 != 0, d)
                dirs.append(d)
        start = time.perf_counter()
        for d in dirs:
            subprocess.run([args.python, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=d,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pytest_loop = (time.perf_counter() - start) * n / max(k, 1)

        def line(name: str, secs: float, note: str = "") -> None:
            print(f"  {name:<44} {secs:8.1f} s  {checks / secs:7.1f} checks/s{note}")

        print("wall time:")
        line("pyroad grade", grade, f"  (peak PSS of its tree {peak / 2**20:.0f} MiB)")
        line("shell loop of pyroad verify per workspace", verify_loop,
             f"  ({verify_loop / grade:.1f}x grade)")
        line("loop of python -m pytest per exercise", pytest_loop,
             f"  ({pytest_loop / grade:.1f}x grade; {k} students timed, scaled to {n})")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
