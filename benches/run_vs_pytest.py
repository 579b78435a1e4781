#!/usr/bin/env python3
"""Times `pyroad run ID` against `python -m pytest` run directly on the same files.

usage: python3 benches/run_vs_pytest.py [--runs N] [--id ID ...]

Builds pyroad (release), creates a workspace in a temp dir, puts the reference solution in
place (so both sides run the whole passing test file), then alternates the two commands N times
each with the same interpreter and reports median and mean wall times and their ratio.
The direct side runs pytest in a folder holding exactly what pyroad stages (the learner's file
and the curriculum's test), with the same `-p no:cacheprovider`.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--id", action="append", default=None)
    args = parser.parse_args()
    ids = args.id or ["1-variables", "3-decorators", "16-two-sum-hashmap"]

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    pyroad = ROOT / "target" / "release" / "pyroad"
    tmp = Path(tempfile.mkdtemp(prefix="pyroad-bench-"))
    try:
        ws = tmp / "ws"
        env = dict(os.environ, NO_COLOR="1")
        subprocess.run([str(pyroad), "init", str(ws)], check=True, env=env, stdout=subprocess.DEVNULL)
        python = Path(
            subprocess.run(
                [str(pyroad), "doctor"], cwd=ws, env=env, capture_output=True, text=True
            ).stdout.split("python", 1)[1].split("(", 1)[1].split(")", 1)[0]
        )
        print(f"interpreter: {python}")
        print(f"{'exercise':<24} {'pyroad ms':>10} {'pytest ms':>10} {'ratio':>7}")
        ratios = []
        for ex_id in ids:
            topic, slug = ex_id.split("-", 1)
            [topic_dir] = [d for d in (ROOT / "exercises").iterdir() if d.name.startswith(f"{int(topic):02d}-")]
            src = topic_dir / slug
            module = slug.replace("-", "_")
            dest = ws / "exercises" / topic_dir.name / slug
            shutil.copy(src / "solution.py", dest / f"{module}.py")
            direct = tmp / f"direct-{slug}"
            direct.mkdir()
            shutil.copy(src / "solution.py", direct / f"{module}.py")
            shutil.copy(src / f"test_{module}.py", direct / f"test_{module}.py")
            mine, theirs = [], []
            for _ in range(args.runs):
                t = time.perf_counter()
                r = subprocess.run([str(pyroad), "run", ex_id], cwd=ws, env=env, stdout=subprocess.DEVNULL)
                mine.append(time.perf_counter() - t)
                assert r.returncode == 0, f"pyroad run {ex_id} did not pass"
                t = time.perf_counter()
                r = subprocess.run(
                    [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", f"test_{module}.py"],
                    cwd=direct, stdout=subprocess.DEVNULL, env=dict(env, PYTHONDONTWRITEBYTECODE="1"),
                )
                theirs.append(time.perf_counter() - t)
                assert r.returncode == 0, f"pytest on {ex_id} did not pass"
            a, b = statistics.median(mine), statistics.median(theirs)
            ratios.append(a / b)
            print(f"{ex_id:<24} {a * 1000:>10.1f} {b * 1000:>10.1f} {a / b:>7.3f}")
        print(f"median ratio pyroad/pytest: {statistics.median(ratios):.3f} "
              f"(overhead {100 * (statistics.median(ratios) - 1):+.1f}%)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
