"""Find the release tag to start from."""
import re
from pathlib import Path

from .gitcmd import git

TAG = re.compile(r"v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")


def parse_tag(name: str) -> tuple[int, int, int] | None:
    match = TAG.fullmatch(name)
    if match is None:
        return None
    major, minor, patch = map(int, match.groups())
    return major, minor, patch


def latest_version_tag(repo: Path) -> tuple[str, tuple[int, int, int]] | None:
    latest = None
    for name in git(repo, "tag", "--list", "--merged", "HEAD").splitlines():
        version = parse_tag(name)
        if version is not None and (latest is None or version > latest[1]):
            latest = (name, version)
    return latest
