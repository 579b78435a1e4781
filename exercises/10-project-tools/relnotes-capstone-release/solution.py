"""Build relnotes into a wheel and an sdist, install the wheel, list what an archive holds."""

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path


def run(command: list[str], what: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{result.stdout}{result.stderr}")


def build_dists(project: Path, outdir: Path) -> tuple[Path, Path]:
    """Build project's sdist and wheel into outdir; return (sdist, wheel)."""
    if outdir.exists() and any(outdir.iterdir()):
        raise ValueError(f"{outdir} is not empty: an old file would pass for this build")
    command = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(outdir)]
    run([*command, str(project)], "python -m build")
    return next(outdir.glob("*.tar.gz")), next(outdir.glob("*.whl"))


def install_wheel(wheel: Path, target: Path) -> None:
    """Install the wheel, without its dependencies and offline, into the folder target."""
    command = [sys.executable, "-m", "pip", "install", "--no-index", "--no-deps"]
    command += ["--no-cache-dir", "--disable-pip-version-check", "--target", str(target)]
    run([*command, str(wheel)], "pip install")


def archive_names(archive: Path) -> list[str]:
    """The sorted files of a wheel, or of an sdist without its top NAME-VERSION/ folder."""
    if archive.name.endswith(".whl"):
        with zipfile.ZipFile(archive) as wheel:
            return sorted(name for name in wheel.namelist() if not name.endswith("/"))
    if archive.name.endswith(".tar.gz"):
        with tarfile.open(archive) as sdist:
            names = [member.name for member in sdist.getmembers() if member.isfile()]
        return sorted(name.partition("/")[2] for name in names)
    raise ValueError(f"not a wheel or an sdist: {archive.name}")
