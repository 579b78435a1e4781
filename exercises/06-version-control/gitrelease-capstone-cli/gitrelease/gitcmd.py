"""Run git (provided: you do not need to change this file)."""
import subprocess
from pathlib import Path


class GitError(RuntimeError):
    """A git command exited with a non-zero status."""


def git(repo: Path, *args: str) -> str:
    """Run `git <args>` in repo; return stdout, or raise GitError with git's stderr."""
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, encoding="utf-8")
    if result.returncode != 0:
        raise GitError(f"git {' '.join(args)} failed: {(result.stderr or result.stdout).strip()}")
    return result.stdout
