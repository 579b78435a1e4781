#!/usr/bin/env python3
"""Times `pyroad dev check` on the whole curriculum against a plain loop of `python -m pytest`.

usage: python3 benches/dev_check_vs_pytest.py --python PATH [--no-build]

PATH must have pytest and every extra the curriculum requires (`pyroad setup --extras` makes
such a venv). The loop stages every stub and every solution exactly as pyroad does (the module,
its test file, the `files`) and runs `python -m pytest -q -p no:cacheprovider` on each, one after
the other: the same 2 x N pytest runs that `dev check` does. Reported: wall time of each, and
the loop's time divided by each pyroad variant's.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def stage(ex: Path, info: dict, solution: bool, into: Path) -> None:
    module = ex.name.replace("-", "_")
    into.mkdir(parents=True)
    shutil.copy(ex / ("solution.py" if solution else f"{module}.py"), into / f"{module}.py")
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
    if solution and (ex / "solution").is_dir():
        shutil.copytree(ex / "solution", into, dirs_exist_ok=True)
    shutil.copy(ex / f"test_{module}.py", into / f"test_{module}.py")


def release_pyroad(build: bool) -> str:
    """The release binary's path, built first unless `build` is false (--no-build)."""
    if build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    return str(ROOT / "target" / "release" / "pyroad")


def timed(cmd: list[str], **kw) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--python", required=True)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    pyroad = release_pyroad(not args.no_build)
    tmp = Path(tempfile.mkdtemp(prefix="pyroad-devcheck-bench-"))
    try:
        dirs = []
        for info_path in sorted((ROOT / "exercises").glob("*/*/info.toml")):
            info = tomllib.loads(info_path.read_text())
            if info["mode"] == "output":
                continue
            ex = info_path.parent
            for solution in (False, True):
                d = tmp / f"{ex.parent.name}-{ex.name}-{'solution' if solution else 'stub'}"
                stage(ex, info, solution, d)
                dirs.append(d)
        start = time.perf_counter()
        for d in dirs:
            subprocess.run([args.python, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=d,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        loop = time.perf_counter() - start
        base = [pyroad, "dev", "check", str(ROOT / "exercises"), "--python", args.python]
        rows = [
            ("plain pytest loop (sequential)", loop),
            ("pyroad dev check --jobs 1", timed(base + ["--jobs", "1"])),
            ("pyroad dev check (default jobs)", timed(base)),
            ("pyroad dev check --no-warm", timed(base + ["--no-warm"])),
        ]
        print(f"{len(dirs)} pytest runs (stubs and solutions of the pytest-mode exercises)")
        for name, secs in rows:
            print(f"  {name:<34} {secs:7.1f} s   loop/this = {loop / secs:5.2f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
