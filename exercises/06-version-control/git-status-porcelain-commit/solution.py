import subprocess
from pathlib import Path


class GitError(RuntimeError):
    """A git command exited with a non-zero status."""


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, encoding="utf-8"
    )
    if result.returncode != 0:
        details = result.stderr.strip() or result.stdout.strip()
        raise GitError(f"git {' '.join(args)} failed: {details}")
    return result.stdout


STATUS = ["status", "--porcelain=v1", "-z", "--untracked-files=all"]


def status(repo: Path) -> dict[str, str]:
    fields = git(repo, *STATUS).split("\0")
    changes = {}
    index = 0
    while fields[index]:
        code, path = fields[index][:2], fields[index][3:]
        changes[path] = code
        # a rename or copy is followed by one more field: the old path
        index += 2 if code[0] in ("R", "C") else 1
    return changes


def commit_all(repo: Path, message: str) -> str:
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()
