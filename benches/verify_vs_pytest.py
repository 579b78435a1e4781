#!/usr/bin/env python3
"""Times `pyroad verify` over every reference solution against a plain sequential loop.

usage: python3 benches/verify_vs_pytest.py --python PATH [--repeat N] [--no-build]

PATH must have pytest and every extra the curriculum requires. A workspace is made with PATH
and every exercise's solution put in place of the learner's file (its `files` too). The loop
runs, one after the other, what a learner without pyroad would run on the same files:
`python -m pytest -q -p no:cacheprovider` in a folder holding the solution and its test
(pytest-mode exercises), or `python FILE` with the exercise's stdin (output mode). Reported:
the wall time of each and the loop's time divided by each pyroad variant's. An untimed run of
pyroad comes first; it also fills the cache of rewritten test files (see docs/engine.md), so one timed
run starts from an empty cache instead, as the very first run on a machine does. Each pyroad
variant runs N times (default 3) and its median is reported with the range; the loop runs in N
parts, one before each round of pyroad runs, so that both see the same stretches of a shared
VM's speed, which drifts by a fifth within minutes.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_check_vs_pytest import ROOT, release_pyroad, stage, timed  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--python", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    pyroad = release_pyroad(not args.no_build)
    tmp = Path(tempfile.mkdtemp(prefix="pyroad-verify-bench-"))
    try:
        ws = tmp / "ws"
        subprocess.run([pyroad, "init", str(ws), "--python", args.python], check=True,
                       stdout=subprocess.DEVNULL)
        loop_cmds = []
        for info_path in sorted((ROOT / "exercises").glob("*/*/info.toml")):
            info = tomllib.loads(info_path.read_text())
            ex = info_path.parent
            module = ex.name.replace("-", "_")
            mine = ws / "exercises" / ex.parent.name / ex.name
            shutil.copy(ex / "solution.py", mine / f"{module}.py")
            if (ex / "solution").is_dir():
                shutil.copytree(ex / "solution", mine, dirs_exist_ok=True)
            d = tmp / "loop" / f"{ex.parent.name}-{ex.name}"
            if info["mode"] == "output":
                d.mkdir(parents=True)
                shutil.copy(ex / "solution.py", d / f"{module}.py")
            else:
                stage(ex, info, True, d)
            if info["mode"] == "output":
                cmd = [args.python, f"{module}.py", *info.get("args", [])]
                loop_cmds.append((cmd, d, info.get("stdin", "").encode()))
            else:
                loop_cmds.append(([args.python, "-m", "pytest", "-q", "-p", "no:cacheprovider"], d, b""))

        def loop_part(part: int, parts: int) -> float:
            start = time.perf_counter()
            for cmd, cwd, stdin in loop_cmds[part::parts]:
                subprocess.run(cmd, cwd=cwd, input=stdin, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
            return time.perf_counter() - start
        verify = [pyroad, "verify"]
        check = subprocess.run(verify, cwd=ws, capture_output=True, text=True)
        summary = check.stdout.strip().splitlines()[-1] if check.stdout.strip() else check.stderr
        variants = {
            "pyroad verify (warm, default jobs)": lambda _: timed(verify, cwd=ws),
            # The run above filled the rewrite cache; a first run on a machine has none.
            "pyroad verify (warm, empty cache)": lambda i: timed(
                verify, cwd=ws, env={**os.environ, "PYROAD_CACHE_DIR": str(tmp / f"fresh-cache-{i}")}),
            "pyroad verify --jobs 1 (warm)": lambda _: timed(verify + ["--jobs", "1"], cwd=ws),
            "pyroad verify --no-warm": lambda _: timed([pyroad, "verify", "--no-warm"], cwd=ws),
        }
        times: dict[str, list[float]] = {name: [] for name in variants}
        # The loop runs in as many parts as there are rounds, one part before each round of
        # pyroad runs: both then see the same stretches of the machine's drifting speed.
        rounds = max(1, args.repeat)
        loop = 0.0
        for i in range(rounds):
            loop += loop_part(i, rounds)
            for name, run in variants.items():
                times[name].append(run(i))
        print(f"{len(loop_cmds)} solutions; pyroad says: {summary}")
        print(f"  {'plain loop (sequential)':<36} {loop:7.1f} s   loop/this =  1.00x")
        for name, secs in times.items():
            mid = statistics.median(secs)
            print(f"  {name:<36} {mid:7.1f} s   loop/this = {loop / mid:5.2f}x   "
                  f"(median of {len(secs)}: {min(secs):.1f}-{max(secs):.1f} s)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
