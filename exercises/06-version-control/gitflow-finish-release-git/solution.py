import re
import subprocess
from pathlib import Path

VERSION = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+")
LIST = ["branch", "--list", "--format=%(refname:short)"]
MERGE = ["merge", "--no-ff", "--no-edit"]
DELETE = ["branch", "--delete"]


class GitFlowError(Exception):
    """The repository is not in a state for this GitFlow step."""


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, encoding="utf-8")
    if result.returncode != 0:
        raise GitFlowError(f"git {args[0]} failed: {result.stderr.strip()}")
    return result.stdout


def branches(repo: Path, pattern: str) -> list[str]:
    return git(repo, *LIST, pattern).split()


def check_version(version: str) -> None:
    if not VERSION.fullmatch(version):
        raise ValueError(f"{version!r} is not MAJOR.MINOR.PATCH")


def start_release(repo: Path, version: str) -> str:
    check_version(version)
    open_releases = branches(repo, "release/*")
    if open_releases:
        raise GitFlowError(f"{open_releases[0]} is still open")
    branch = f"release/{version}"
    git(repo, "switch", "--create", branch, "develop")
    return branch


def finish(repo: Path, branch: str, version: str, back_into: str) -> str:
    if not branches(repo, branch):
        raise GitFlowError(f"there is no branch {branch}")
    if git(repo, "status", "--porcelain"):
        raise GitFlowError("the working tree has uncommitted changes")
    git(repo, "switch", "main")
    git(repo, *MERGE, branch)
    git(repo, "tag", "--annotate", "--message", f"Release {version}", f"v{version}")
    released = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "switch", back_into)
    git(repo, *MERGE, branch)
    git(repo, *DELETE, branch)
    return released


def finish_release(repo: Path, version: str) -> str:
    check_version(version)
    return finish(repo, f"release/{version}", version, "develop")


def finish_hotfix(repo: Path, version: str) -> str:
    check_version(version)
    open_releases = branches(repo, "release/*")
    return finish(repo, f"hotfix/{version}", version, open_releases[0] if open_releases else "develop")
