#!/usr/bin/env python3
"""Times `pyroad run ID` against `python -m pytest` run directly on the same files.

usage: python3 benches/run_vs_pytest.py [--runs N] [--id ID ...] [--pyroad BIN ...]
                                        [--python PATH]

Builds pyroad (release), creates a workspace in a temp dir, puts the reference solution in
place (so both sides run the whole passing test file), then alternates the two commands N times
each with the same interpreter and reports median and mean wall times and their ratio. Each
pyroad binary (`--pyroad`, repeatable; default: a release build of this tree) is timed twice,
as the learner runs it and with `PYROAD_PYTHON` set to the workspace's interpreter, all
interleaved in one loop.
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
    parser.add_argument("--pyroad", action="append", default=None,
                        help="a pyroad binary to time (repeatable); default: build this tree")
    parser.add_argument("--python", help="the workspace's interpreter; default: pyroad's choice")
    args = parser.parse_args()
    ids = args.id or ["1-variables", "3-decorators", "16-two-sum-hashmap"]

    if args.pyroad:
        binaries = [Path(b).resolve() for b in args.pyroad]
    else:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binaries = [ROOT / "target" / "release" / "pyroad"]
    pyroad = binaries[0]
    tmp = Path(tempfile.mkdtemp(prefix="pyroad-bench-"))
    try:
        ws = tmp / "ws"
        env = dict(os.environ, NO_COLOR="1")
        init = [str(pyroad), "init", str(ws)] + (["--python", args.python] if args.python else [])
        subprocess.run(init, check=True, env=env, stdout=subprocess.DEVNULL)
        python = Path(
            subprocess.run(
                [str(pyroad), "doctor"], cwd=ws, env=env, capture_output=True, text=True
            ).stdout.split("python", 1)[1].split("(", 1)[1].split(")", 1)[0]
        )
        print(f"interpreter: {python}")
        variants = []
        for binary in binaries:
            label = str(binary) if len(binaries) > 1 else "pyroad run"
            variants.append((label, binary, env))
            variants.append((f"{label} (PYROAD_PYTHON)", binary, dict(env, PYROAD_PYTHON=str(python))))
        print(f"{'exercise':<24} {'variant':<44} {'pyroad ms':>10} {'pytest ms':>10} {'ratio':>7}")
        ratios: dict[str, list[float]] = {label: [] for label, _, _ in variants}
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
            mine: dict[str, list[float]] = {label: [] for label, _, _ in variants}
            theirs = []
            for i in range(args.runs):
                # A rotating order: no variant always runs right after pytest.
                for label, binary, venv in variants[i % len(variants):] + variants[:i % len(variants)]:
                    t = time.perf_counter()
                    r = subprocess.run([str(binary), "run", ex_id], cwd=ws, env=venv, stdout=subprocess.DEVNULL)
                    mine[label].append(time.perf_counter() - t)
                    assert r.returncode == 0, f"{label} {ex_id} did not pass"
                t = time.perf_counter()
                r = subprocess.run(
                    [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", f"test_{module}.py"],
                    cwd=direct, stdout=subprocess.DEVNULL, env=dict(env, PYTHONDONTWRITEBYTECODE="1"),
                )
                theirs.append(time.perf_counter() - t)
                assert r.returncode == 0, f"pytest on {ex_id} did not pass"
            b = statistics.median(theirs)
            for label, _, _ in variants:
                a = statistics.median(mine[label])
                ratios[label].append(a / b)
                print(f"{ex_id:<24} {label[-44:]:<44} {a * 1000:>10.1f} {b * 1000:>10.1f} {a / b:>7.3f}")
        for label, rs in ratios.items():
            print(f"median ratio pyroad/pytest, {label}: {statistics.median(rs):.3f} "
                  f"(overhead {100 * (statistics.median(rs) - 1):+.1f}%)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
