"""Cut a release: bump, write the changelog, commit and tag."""
from dataclasses import dataclass
from pathlib import Path

from .changelog import prepend_entry
from .conventional import next_version, parse_commit, render_notes
from .gitcmd import git
from .tags import latest_version_tag


LOG = ["log", "-z", "--reverse", "--format=%H%n%B"]


class ReleaseError(Exception):
    """The repository is not in a state to release from."""


@dataclass(frozen=True)
class Release:
    version: str
    tag: str
    notes: str
    commit: str | None


def release(repo: Path, date: str, dry_run: bool = False) -> Release | None:
    branch = git(repo, "branch", "--show-current").strip()
    if not branch:
        raise ReleaseError("HEAD is detached: releases are cut from main")
    if branch != "main":
        raise ReleaseError(f"releases are cut from main, not {branch}")
    if git(repo, "status", "--porcelain"):
        raise ReleaseError("the working tree has uncommitted changes")

    latest = latest_version_tag(repo)
    if latest is None:
        base, revisions = (0, 0, 0), "HEAD"
    else:
        base, revisions = latest[1], f"{latest[0]}..HEAD"
    log = git(repo, *LOG, revisions)
    commits = []
    for record in log.split("\0"):
        sha, _, message = record.partition("\n")
        commit = parse_commit(sha, message)
        if commit is not None:
            commits.append(commit)

    bumped = next_version(base, commits)
    if bumped is None:
        return None
    version = ".".join(map(str, bumped))
    tag = f"v{version}"
    notes = render_notes(version, date, commits)
    if dry_run:
        return Release(version, tag, notes, None)

    prepend_entry(repo / "CHANGELOG.md", version, notes)
    git(repo, "add", "CHANGELOG.md")
    git(repo, "commit", "--quiet", "-m", f"chore(release): {version}")
    git(repo, "tag", "--annotate", "--message", f"Release {version}", tag)
    return Release(version, tag, notes, git(repo, "rev-parse", "HEAD").strip())
