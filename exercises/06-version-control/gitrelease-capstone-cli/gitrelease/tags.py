"""Find the release tag to start from.

A release tag is "v" then MAJOR.MINOR.PATCH in ASCII digits with no
leading zeros ("v1.10.0", "v0.3.0"): not "1.2.0", "v1.2", "v01.2.0",
"v2.0.0-rc.1", "nightly" or "release-2.0.0".

parse_tag("v1.10.0") -> (1, 10, 0); parse_tag("v2.0.0-rc.1") -> None.

latest_version_tag(repo) -> (tag name, version tuple) of the HIGHEST
release tag among the tags reachable from HEAD (`git tag --list --merged
HEAD`: a tag on a branch that was never merged is not part of this
history), or None when there is none. Highest compares the numbers:
v1.10.0 is after v1.9.0, although "v1.10.0" < "v1.9.0" as strings.
"""
import re
from pathlib import Path

from .gitcmd import git


def parse_tag(name: str) -> tuple[int, int, int] | None:
    # TODO: a full match of "v" and three numbers without leading zeros.
    raise NotImplementedError


def latest_version_tag(repo: Path) -> tuple[str, tuple[int, int, int]] | None:
    # TODO: git tag --list --merged HEAD; keep the release tag with the highest version tuple.
    raise NotImplementedError
