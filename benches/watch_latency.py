#!/usr/bin/env python3
"""Save-to-verdict latency of `pyroad watch`: median over N saves, next to direct pytest runs.

usage: python3 benches/watch_latency.py [--saves N] [--id ID] [--python PATH] [--no-build]
                                       [--pyroad BIN ...]

Runs `pyroad watch` without a terminal (it then prints verdicts line by line), saves the
exercise's reference solution N times (each save changes a comment so the content differs), and
times each save until the verdict line appears. Then it times `python -m pytest` run directly on
the same files with the same interpreter, N times. Each pyroad binary (`--pyroad`, repeatable;
default: a release build of this tree) is measured as the learner runs it and with
`PYROAD_PYTHON` set to the workspace's interpreter.
"""

import argparse
import json
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benches"))
from dev_check_vs_pytest import release_pyroad, stage  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--id", default="1-variables")
    parser.add_argument("--python", help="interpreter for the workspace (one with the exercise's "
                        "`requires`, for an exercise that has some); default: pyroad's own choice")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--pyroad", action="append", default=None,
                        help="a pyroad binary to time (repeatable); default: build this tree")
    args = parser.parse_args()
    binaries = [Path(b) for b in args.pyroad] if args.pyroad else [Path(release_pyroad(not args.no_build))]
    pyroad = binaries[0]
    topic, slug = args.id.split("-", 1)
    [topic_dir] = [d for d in (ROOT / "exercises").iterdir() if d.name.startswith(f"{int(topic):02d}-")]
    module = slug.replace("-", "_")
    solution = (topic_dir / slug / "solution.py").read_text()
    tmp = Path(tempfile.mkdtemp(prefix="pyroad-watch-bench-"))
    env = dict(os.environ, NO_COLOR="1")
    try:
        ws = tmp / "ws"
        init = [str(pyroad), "init", str(ws)] + (["--python", args.python] if args.python else [])
        subprocess.run(init, check=True, env=env, stdout=subprocess.DEVNULL)
        target = ws / "exercises" / topic_dir.name / slug / f"{module}.py"
        python = (ws / ".pyroad" / "interpreter.json").read_text().split('"executable": "')[1].split('"')[0]
        # watch opens on the first exercise not yet passed: record every one before ID as passed.
        listing = subprocess.run([str(pyroad), "list"], cwd=ws, env=env, capture_output=True, text=True).stdout
        ids = [line.split()[1] for line in listing.splitlines() if line.startswith("    ")]
        before = ids[: ids.index(args.id)]
        state = {"schema": 1, "exercises": {i: {"passed_at": 1, "last_verdict": "pass", "hints_seen": 0,
                                                "attempts": 1} for i in before}}

        def measure(binary: Path, watch_env: dict) -> list[float]:
            # Each session opens on ID again (the one before passed it).
            (ws / ".pyroad" / "state.json").write_text(json.dumps(state))
            proc = subprocess.Popen(
                [str(binary), "watch"], cwd=ws, env=watch_env, text=True,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            )
            # Read on this thread, straight from the pipe: a reader thread and a queue would add
            # their own wake-up to every measurement.
            out = proc.stdout.fileno()
            pending = b""

            def wait_verdict() -> str:
                nonlocal pending
                deadline = time.monotonic() + 30
                while True:
                    while b"\n" in pending:
                        raw, pending = pending.split(b"\n", 1)
                        line = raw.decode("utf-8", "replace")
                        if line.startswith(("✓ ", "✗ ")) and f"{args.id}  " in line:
                            return line
                    if not select.select([out], [], [], max(0.0, deadline - time.monotonic()))[0]:
                        raise TimeoutError("no verdict within 30 s")
                    chunk = os.read(out, 65536)
                    if not chunk:
                        raise EOFError("pyroad watch ended")
                    pending += chunk

            wait_verdict()
            latencies = []
            for i in range(args.saves):
                tmp_file = target.with_suffix(".tmp")
                tmp_file.write_text(f"# save {i}\n{solution}")
                start = time.perf_counter()
                os.replace(tmp_file, target)
                wait_verdict()
                latencies.append(time.perf_counter() - start)
                time.sleep(0.2)
            proc.stdin.write("q\n")
            proc.stdin.flush()
            proc.wait(timeout=10)

            return latencies

        results = {}
        for binary in binaries:
            label = str(binary) if len(binaries) > 1 else "watch"
            results[label] = measure(binary, env)
            results[f"{label} (PYROAD_PYTHON)"] = measure(binary, dict(env, PYROAD_PYTHON=python))

        direct = tmp / "direct"
        info = tomllib.loads((topic_dir / slug / "info.toml").read_text())
        stage(topic_dir / slug, info, True, direct)
        pytest_times = []
        for _ in range(args.saves):
            start = time.perf_counter()
            subprocess.run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=direct,
                           stdout=subprocess.DEVNULL, check=True)
            pytest_times.append(time.perf_counter() - start)
        p = statistics.median(pytest_times)
        print(f"{args.id}: direct python -m pytest median {p * 1000:.0f} ms")
        for label, latencies in results.items():
            w = statistics.median(latencies)
            print(f"  {label}: save-to-verdict median {w * 1000:.0f} ms "
                  f"(min {min(latencies) * 1000:.0f}, max {max(latencies) * 1000:.0f}) over "
                  f"{args.saves} saves; ratio to pytest {w / p:.2f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
