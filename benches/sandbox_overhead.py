#!/usr/bin/env python3
"""What confinement costs per check: pyroad with its full sandbox against pyroad with none.

usage: python3 benches/sandbox_overhead.py [--runs N] [--python PATH]

Builds pyroad (release) and makes a workspace holding the reference solution of a few
exercises. Then, alternating the two settings run by run on the same files:
  cold  `pyroad run ID`                   one fresh interpreter per check
  warm  `pyroad verify --topic 1 --jobs 1`  warm workers, per check
"none" is PYROAD_BENCH_NO_SANDBOX=1, which skips namespaces, Landlock, the cgroup and the
resource limits (the timeout and output caps stay). Reports medians and the difference per check.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IDS = ["1-variables", "1-leap-years", "2-list-comprehensions", "3-decorators", "16-two-sum-hashmap"]


def exercise_dir(ex_id):
    topic, slug = ex_id.split("-", 1)
    [topic_dir] = [d for d in (ROOT / "exercises").iterdir() if d.name.startswith(f"{int(topic):02d}-")]
    return topic_dir, slug


def timed(cmd, cwd, env):
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--python", default=None)
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    pyroad = str(ROOT / "target" / "release" / "pyroad")
    tmp = Path(tempfile.mkdtemp(prefix="pyroad-bench-"))
    try:
        ws = tmp / "ws"
        env = dict(os.environ, NO_COLOR="1")
        init = [pyroad, "init", str(ws)] + (["--python", args.python] if args.python else [])
        subprocess.run(init, check=True, env=env, stdout=subprocess.DEVNULL)
        ids = []
        for ex_id in IDS:
            topic_dir, slug = exercise_dir(ex_id)
            if not (topic_dir / slug).is_dir():
                continue
            dest = ws / "exercises" / topic_dir.name / slug
            shutil.copy(topic_dir / slug / "solution.py", dest / f"{slug.replace('-', '_')}.py")
            ids.append(ex_id)
        bare = dict(env, PYROAD_BENCH_NO_SANDBOX="1")
        cold = {"full": [], "none": []}
        warm = {"full": [], "none": []}
        verify = [pyroad, "verify", "--topic", "1", "--jobs", "1"]
        for _ in range(args.runs):
            for name, e in (("full", env), ("none", bare)):
                for ex_id in ids:
                    cold[name].append(timed([pyroad, "run", ex_id], ws, e))
                # Each check's own time as verify reports it (staging, fork, pytest, judging),
                # so the workers' start-up is not in it.
                out = subprocess.run(verify + ["--format", "json"], cwd=ws, env=e, capture_output=True, text=True)
                warm[name].extend(x["duration_ms"] / 1000 for x in json.loads(out.stdout)["exercises"])
        print(f"checks per setting: cold {len(cold['full'])}, warm {len(warm['full'])}")
        for label, data in (("cold (pyroad run)", cold), ("warm (verify, per check)", warm)):
            full = statistics.median(data["full"]) * 1000
            none = statistics.median(data["none"]) * 1000
            print(f"{label:<26} sandbox {full:8.1f} ms   none {none:8.1f} ms   overhead {full - none:+6.1f} ms")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
