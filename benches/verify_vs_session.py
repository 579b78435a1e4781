#!/usr/bin/env python3
"""Times `pyroad verify` against one plain pytest session and a plain loop, on the same files.

usage: python3 benches/verify_vs_session.py --python PATH [--pyroad BIN]... [--rounds N]
                                            [--topic N]... [--loop-sample K]

For the issue "A check costs little more than its test". PATH must have pytest and every extra
the chosen exercises require. A workspace is made (`pyroad init WS --python PATH`, from a copy
of the chosen topics) with every reference solution in place of the learner's file (its
`solution/` folder too), and every exercise is staged once more, the same files in a folder of
its own, for (b) and (c). N rounds (default 3) each run every variant once, in an order that rotates
from round to round, so that this VM's speed, which drifts by a fifth within minutes, reaches
them all alike:

(a) `pyroad verify --format json` for each BIN (default: a release build of this tree), and the
    same with `PYROAD_PYTHON=PATH` in its environment (the interpreter is then probed afresh);
(b) a sequential loop: `python -m pytest -q -p no:cacheprovider` in each staged folder, and
    `python FILE` with the exercise's stdin where it is judged by its output. It runs once in
    total, split over the rounds; `--loop-sample K` runs only every K-th command and scales;
(c) one plain session, `python -m pytest -q -p no:cacheprovider DIR...` over the staged
    folders (one process, no isolation), with `--rootdir`, `--junitxml` (for the tests' own
    times) and `--continue-on-collection-errors`. An exercise that cannot share a session is
    left out of it, and the report says why: a conftest.py or an ini file of its own, or a
    top-level module or regular package that another exercise also stages or that already
    names one of PATH's modules (the first on sys.path would win).

Reported: median and range of each; verify/session (goal <= 0.6) and verify/loop (goal <= 0.1);
the sums of verify's per-check durations (each check's wall time, checks running side by side)
over every exercise and over the session's; the overhead per check, (that sum - the session's
times of the same tests, setup to teardown) / checks; tests the session fails in exercises
pyroad passes; the slowest exercises; and the peak PSS of verify's process tree (pyroad and
every descendant, found through /proc/*/stat, sampled every 50 ms from /proc/PID/smaps_rollup)
in an untimed first run of each BIN, which also fills pyroad's cache of rewritten tests, as an
untimed first session fills the loop's __pycache__ (that session's peak is reported beside it:
one process that imports every library and keeps what each test leaves).
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
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_check_vs_pytest import ROOT, release_pyroad, stage, timed  # noqa: E402

PYTEST = ["-m", "pytest", "-q", "-p", "no:cacheprovider"]
INI = {"pytest.ini": "[pytest]", "tox.ini": "[pytest]", "setup.cfg": "[tool:pytest]",
       "pyproject.toml": "[tool.pytest.ini_options]"}
LOOP, SESSION = "loop (sequential)", "one pytest session"
Run = tuple[float, dict]  # wall seconds, what else the run gave


def tree_pss(root: int, unreadable: set[int]) -> tuple[int, int]:
    """KiB of PSS of `root` and its descendants (the host's /proc lists those in other PID
    namespaces too), and how many they are; pids whose smaps_rollup cannot be read are added
    to `unreadable`."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(f"/proc/{entry.name}/stat").read_bytes()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    total, count, todo = 0, 0, [root]
    while todo:
        pid = todo.pop()
        count += 1
        todo += children.get(pid, [])
        try:
            text = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except (FileNotFoundError, ProcessLookupError):
            continue  # it ended meanwhile
        except OSError:
            unreadable.add(pid)
            continue
        total += next((int(ln.split()[1]) for ln in text.splitlines() if ln.startswith("Pss:")), 0)
    return total, count


def run_sampled(cmd: list[str], **kw) -> tuple[float, tuple[int, int], int]:
    """Runs `cmd`: its wall time, its tree's peak PSS in KiB with the number of processes then,
    and how many pids were unreadable."""
    unreadable: set[int] = set()
    peak, start = (0, 0), time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    while proc.poll() is None:
        peak = max(peak, tree_pss(proc.pid, unreadable))
        time.sleep(0.05)
    return time.perf_counter() - start, peak, len(unreadable)


def junit_by_exercise(path: Path) -> dict[str, tuple[float, int]]:
    """Per staged folder (named by exercise id): the tests' summed times, and how many failed."""
    out: dict[str, tuple[float, int]] = {}
    for case in ET.parse(path).iter("testcase"):
        key = (case.get("classname") or case.get("name") or "").split(".")[0]
        secs, failed = out.get(key, (0.0, 0))
        out[key] = (secs + float(case.get("time") or 0),
                    failed + any(c.tag in ("failure", "error") for c in case))
    return out


def importable_names(d: Path) -> set[str]:
    """The top-level names a folder on sys.path offers: modules and regular packages. A folder
    without `__init__.py` is a namespace portion: same-named ones merge instead of shadowing."""
    return {p.stem if p.is_file() else p.name for p in d.iterdir()
            if (p.is_file() and p.suffix == ".py") or (p / "__init__.py").is_file()}


def spread(xs: list[float], unit: str = "s", f: str = ".1f") -> str:
    return (f"{statistics.median(xs):7{f}} {unit}  ({min(xs):{f}} to {max(xs):{f}}, "
            f"{len(xs)} run{'s' * (len(xs) > 1)})")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", required=True)
    ap.add_argument("--pyroad", action="append", help="a binary to time (repeatable)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--topic", type=int, action="append")
    ap.add_argument("--loop-sample", type=int, default=1, metavar="K")
    args = ap.parse_args()
    py, rounds, k = args.python, max(1, args.rounds), max(1, args.loop_sample)
    pyroads = args.pyroad or [release_pyroad(True)]
    tmp = Path(tempfile.mkdtemp(prefix="pyroad-session-bench-"))
    try:
        cur, ws, st = tmp / "curriculum", tmp / "ws", tmp / "stage"
        exs: list[tuple[str, Path, dict]] = []
        for topic in sorted((ROOT / "exercises").iterdir()):
            number = int(topic.name.split("-")[0]) if topic.is_dir() else None
            if number is None or (args.topic and number not in args.topic):
                continue
            shutil.copytree(topic, cur / topic.name)
            for info_path in sorted((cur / topic.name).glob("*/info.toml")):
                exs.append((f"{number}-{info_path.parent.name}", info_path.parent,
                            tomllib.loads(info_path.read_text())))
        subprocess.run([pyroads[0], "init", str(ws), "--python", py, "--exercises", str(cur)],
                       check=True, stdout=subprocess.DEVNULL)
        loop_cmds: list[tuple[list[str], Path, bytes]] = []
        names: dict[str, list[str]] = {}
        excluded: dict[str, str] = {}
        for id_, ex, info in exs:
            module, mine = ex.name.replace("-", "_"), ws / "exercises" / ex.parent.name / ex.name
            shutil.copy(ex / "solution.py", mine / f"{module}.py")
            if (ex / "solution").is_dir():
                shutil.copytree(ex / "solution", mine, dirs_exist_ok=True)
            d = st / id_
            if info["mode"] == "output":
                d.mkdir(parents=True)
                shutil.copy(ex / "solution.py", d / f"{module}.py")
                excluded[id_] = "output mode: no tests"
            else:  # as in the workspace: `stage`'s solution side drops files that a `solution/`
                stage(ex, info, False, d)  # folder does not repeat (a package's __init__.py)
                shutil.copy(ex / "solution.py", d / f"{module}.py")
                if (ex / "solution").is_dir():
                    shutil.copytree(ex / "solution", d, dirs_exist_ok=True)
                loop_cmds.append(([py, *PYTEST], d, b""))
            if info["mode"] in ("output", "both"):
                loop_cmds.append(([py, f"{module}.py", *info.get("args", [])], d,
                                  info.get("stdin", "").encode()))
            if any(d.rglob("conftest.py")):
                excluded[id_] = "has a conftest.py"
            for ini, section in INI.items():
                if (d / ini).is_file() and section in (d / ini).read_text():
                    excluded[id_] = f"an ini file of its own ({ini}, {section})"
            for name in importable_names(d):
                names.setdefault(name, []).append(id_)
        found = subprocess.run(  # names PATH can import already: stdlib, site-packages
            [py, "-I", "-c", "import sys, importlib.util as u\nfor n in sys.argv[1:]:\n"
             "    if n.isidentifier() and u.find_spec(n): print(n)", *names],
            cwd=tmp, capture_output=True, text=True, check=True).stdout.split()
        for name, ids in names.items():
            for id_ in ids:
                if len(ids) > 1:
                    excluded.setdefault(id_, f"`{name}` is staged by {' and '.join(ids)}")
                elif name in found:
                    excluded.setdefault(id_, f"`{name}` would shadow the interpreter's module")
        subset = [id_ for id_, _, _ in exs if id_ not in excluded]
        session = [py, *PYTEST, "--rootdir", str(st), "--continue-on-collection-errors"]
        sample = loop_cmds[::k]

        def run_verify(bin_: str, env: dict, out: Path, sampled: bool = False) -> Run:
            cmd = [bin_, "verify", "--format", "json", "-o", str(out)]
            peak, unreadable = (0, 0), 0
            if sampled:
                secs, peak, unreadable = run_sampled(cmd, cwd=ws, env=env)
            else:
                secs = timed(cmd, cwd=ws, env=env)
            report = json.loads(out.read_text())
            durs = {e["id"]: e["duration_ms"] / 1000 for e in report["exercises"]}
            return secs, {"durs": durs, "report": report, "peak": peak, "unreadable": unreadable}

        def run_session(out: Path, sampled: bool = False) -> Run:
            cmd = session + ["--junitxml", str(out), *(str(st / i) for i in subset)]
            peak = (0, 0)
            if sampled:
                secs, peak, _ = run_sampled(cmd, cwd=st)
            else:
                secs = timed(cmd, cwd=st)
            return secs, {"junit": junit_by_exercise(out), "peak": peak}

        def run_loop(cmds: list[tuple[list[str], Path, bytes]]) -> Run:
            start = time.perf_counter()
            for cmd, cwd, stdin in cmds:
                subprocess.run(cmd, cwd=cwd, input=stdin, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
            return time.perf_counter() - start, {}

        def verify(bin_: str, env: dict, tag: str) -> Callable[[int], Run]:
            return lambda i: run_verify(bin_, env, tmp / f"{tag}-{i}.json")

        env = {key: v for key, v in os.environ.items() if key != "PYROAD_PYTHON"}
        variants: dict[str, Callable[[int], Run]] = {}
        for n, b in enumerate(pyroads):
            variants[f"verify {b}"] = verify(b, env, f"v{n}")
            variants[f"verify {b} (PYROAD_PYTHON)"] = verify(b, {**env, "PYROAD_PYTHON": py},
                                                              f"p{n}")
        variants[SESSION] = lambda i: run_session(tmp / f"s-{i}.xml")
        variants[LOOP] = lambda i: run_loop(sample[i::rounds])
        first = {b: run_verify(b, env, tmp / f"first-{n}.json", sampled=True)
                 for n, b in enumerate(pyroads)}
        first_session = run_session(tmp / "first.xml", sampled=True)
        order = list(variants)
        results: dict[str, list[Run]] = {name: [] for name in variants}
        for i in range(rounds):
            for name in order[i % len(order):] + order[:i % len(order)]:
                results[name].append(variants[name](i))
                print(f"  round {i + 1}/{rounds}: {name}: {results[name][-1][0]:.1f} s",
                      file=sys.stderr, flush=True)
        print(f"{len(exs)} exercises (topics {', '.join(map(str, args.topic or [])) or 'all'}), "
              f"checked with {py}")
        report(results, first, first_session, exs, subset, excluded, len(loop_cmds), len(sample))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def report(results: dict[str, list[Run]], first: dict[str, Run], first_session: Run,
           exs: list, subset: list[str], excluded: dict[str, str], cmds: int, timed_cmds: int
           ) -> None:
    verdicts = next(iter(first.values()))[1]["report"]
    print("pyroad verify says: " + ", ".join(
        f"{v} {key}" for key, v in verdicts["summary"].items() if v and key != "total"))
    print(f"session: {len(subset)} exercises; {len(excluded)} left out of it"
          + (":" if excluded else ""))
    for id_, why in sorted(excluded.items()):
        print(f"    {id_:<44} {why}")
    loop_part = sum(secs for secs, _ in results[LOOP])
    loop = loop_part * cmds / timed_cmds
    rounds = len(results[LOOP])
    print(f"loop: {cmds} commands, " + (f"{timed_cmds} timed (1 in {-(-cmds // timed_cmds)}), "
          f"{loop_part:.1f} s scaled x{cmds / timed_cmds:.2f}" if timed_cmds < cmds else
          "all timed") + f", once in total, split over {rounds} round(s)")
    print("\nwall time")
    for name, runs in results.items():
        if name != LOOP:
            print(f"  {name:<62} {spread([s for s, _ in runs])}")
    print(f"  {LOOP:<62} {loop:7.1f} s  "
          + ("(estimated from a sample)" if timed_cmds < cmds else "(one total)"))
    sess = statistics.median(s for s, _ in results[SESSION])
    sess_tests = [sum(x["junit"].get(i, (0.0, 0))[0] for i in subset)
                  for _, x in results[SESSION]]
    verifies = {name: runs for name, runs in results.items() if name.startswith("verify")}
    print(f"\n{'ratios of the medians':<64} verify/session (<= 0.6)  verify/loop (<= 0.1)")
    for name, runs in verifies.items():
        v = statistics.median(s for s, _ in runs)
        print(f"  {name:<62} {v / sess:8.2f} {v / loop:21.3f}")
    if len(subset) < len(exs):
        print("  (the session covers fewer exercises; verify pro rata of its per-check sums:)")
        for name, runs in verifies.items():
            v = statistics.median(s * sum(x["durs"].get(i, 0) for i in subset)
                                  / sum(x["durs"].values()) for s, x in runs)
            print(f"  {name + ', the session subset':<62} {v / sess:8.2f}")
    print(f"\nper check, over the session's {len(subset)} exercises (sums of per-check durations; "
          "verify runs checks side by side)")
    print(f"  {'session: the tests own time (junit, setup to teardown)':<62} {spread(sess_tests)}")

    def per_check(totals: list[float]) -> str:  # ms a check costs beyond its tests' own time
        return spread([(v - t) / len(subset) * 1000 for v, t in zip(totals, sess_tests)],
                      "ms", ".0f")

    print(f"  {'session: the rest of its wall time, per exercise':<62} "
          + per_check([s for s, _ in results[SESSION]]))
    for name, runs in verifies.items():
        print(f"  {name}")
        every = [sum(x["durs"].values()) for _, x in runs]
        sums = [sum(x["durs"].get(i, 0) for i in subset) for _, x in runs]
        print(f"    {'sum of per-check durations, all ' + str(len(exs)):<60} {spread(every)}")
        if len(subset) < len(exs):
            print(f"    {'sum of per-check durations, the session subset':<60} {spread(sums)}")
        print(f"    {'overhead per check: (sum - the tests own time) / checks':<60} "
              + per_check(sums))
    passed = {e["id"] for e in verdicts["exercises"] if e["verdict"] == "pass"}
    bad: dict[str, int] = {}
    for _, x in [first_session] + results[SESSION]:
        for i in subset:
            _, failed = x["junit"].get(i, (0.0, -1))  # -1: no test of it ran
            if i in passed and failed:
                bad[i] = max(bad.get(i, -1), failed)
    print(f"\nsession vs pyroad: {sum(max(n, 0) for n in bad.values())} test(s) failed or errored "
          f"in the session (worst run) in {len(bad)} exercise(s) that pyroad passes"
          + "".join(f"\n    {i}: {n if n >= 0 else 'none of its tests ran'}"
                    for i, n in sorted(bad.items())))
    slow = sorted(first_session[1]["junit"].items(), key=lambda kv: -kv[1][0])[:6]
    print("slowest in the session (tests own time, first run): "
          + ", ".join(f"{i} {secs:.2f} s" for i, (secs, _) in slow))
    durs = sorted(next(iter(verifies.values()))[-1][1]["durs"].items(), key=lambda kv: -kv[1])
    print(f"slowest checks of {next(iter(verifies))} (last run): "
          + ", ".join(f"{i} {secs:.2f} s" for i, secs in durs[:6]))
    print("\npeak PSS of verify's process tree (untimed first run, sampled every 50 ms)")
    for b, (secs, x) in first.items():
        print(f"  {b:<62} {x['peak'][0] / 1024:7.0f} MiB (goal < 400), {x['peak'][1]} "
              f"processes then; a {secs:.1f} s run; {x['unreadable']} pid(s) unreadable, skipped")
    peak = first_session[1]["peak"]
    print(f"  {'for comparison, the one pytest session (its first run)':<62} "
          f"{peak[0] / 1024:7.0f} MiB, {peak[1]} processes then")


if __name__ == "__main__":
    sys.exit(main())
