"""Cut a release: bump, write the changelog, commit and tag.

release(repo, date, dry_run=False) -> Release, or None when nothing is
releasable. Use git() from .gitcmd and the provided .conventional module.

1. Refuse (raise ReleaseError, changing nothing) unless
   * HEAD is the branch main (GitFlow: releases are cut from main).
     `git branch --show-current` prints the branch, or nothing when HEAD
     is detached:
         ReleaseError("releases are cut from main, not feature/login")
         ReleaseError("HEAD is detached: releases are cut from main")
   * the working tree is clean: `git status --porcelain` prints nothing
     (an untracked file counts too):
         ReleaseError("the working tree has uncommitted changes")
2. Start from latest_version_tag(repo): its version, and the commits of
   "<tag>..HEAD"; with no release tag, version (0, 0, 0) and all of HEAD.
   Read them oldest first: git log -z --reverse --format=%H%n%B <range>
   (each record is the sha, "\n", the message; records end with NUL).
3. parse_commit each (skip None), next_version(version, commits): None
   means nothing to release: return None.
4. The new version "1.3.0", tag "v1.3.0", notes =
   render_notes("1.3.0", date, commits). With dry_run, return
   Release("1.3.0", "v1.3.0", notes, None) and change nothing.
5. Otherwise prepend_entry(repo / "CHANGELOG.md", version, notes),
   `git add CHANGELOG.md`, commit with the message
   "chore(release): 1.3.0", then create an ANNOTATED tag (a tag object
   with its own message, which `git describe` and hosting sites expect):
   `git tag --annotate --message "Release 1.3.0" v1.3.0`. Return
   Release("1.3.0", "v1.3.0", notes, <the release commit's full sha>).
The release commit is "chore", so releasing again returns None.
"""
from dataclasses import dataclass
from pathlib import Path

from .changelog import prepend_entry
from .conventional import next_version, parse_commit, render_notes
from .gitcmd import git
from .tags import latest_version_tag


class ReleaseError(Exception):
    """The repository is not in a state to release from."""


@dataclass(frozen=True)
class Release:
    version: str
    tag: str
    notes: str
    commit: str | None  # None in a dry run


def release(repo: Path, date: str, dry_run: bool = False) -> Release | None:
    # TODO: check branch and cleanliness, read the log since the tag, bump,
    # then (unless dry_run) changelog, commit, annotated tag.
    raise NotImplementedError
