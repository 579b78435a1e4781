"""Conventional Commits (provided: what 6-conventional-commits-semver-bump taught)."""
import re
from dataclasses import dataclass

HEADER = re.compile(r"(?P<type>[A-Za-z]+)(?:\((?P<scope>[^()]+)\))?(?P<bang>!)?: (?P<description>\S.*)")
FOOTER = re.compile(r"^BREAKING[ -]CHANGE: ", re.MULTILINE)
SECTIONS = {"breaking": "Breaking changes", "feat": "Features", "fix": "Bug fixes"}


@dataclass(frozen=True)
class Commit:
    sha: str
    type: str
    scope: str | None
    breaking: bool
    description: str


def parse_commit(sha: str, message: str) -> Commit | None:
    """A Commit, or None when the header is not a Conventional Commit."""
    header, _, body = message.partition("\n")
    match = HEADER.fullmatch(header.rstrip())
    if match is None:
        return None
    breaking = match["bang"] is not None or FOOTER.search(body) is not None
    return Commit(sha, match["type"].lower(), match["scope"], breaking, match["description"])


def next_version(version: tuple[int, int, int], commits: list[Commit]) -> tuple[int, int, int] | None:
    """The version after these commits (highest bump, once), or None if none is releasable."""
    major, minor, patch = version
    if any(commit.breaking for commit in commits):
        return (0, minor + 1, 0) if major == 0 else (major + 1, 0, 0)
    if any(commit.type == "feat" for commit in commits):
        return (major, minor + 1, 0)
    if any(commit.type == "fix" for commit in commits):
        return (major, minor, patch + 1)
    return None


def render_notes(version: str, date: str, commits: list[Commit]) -> str:
    """'## 1.3.0 (2024-03-05)' then the Breaking changes, Features and Bug fixes sections."""
    lines = [f"## {version} ({date})"]
    for key, title in SECTIONS.items():
        entries = [c for c in commits if ("breaking" if c.breaking else c.type) == key]
        if entries:
            lines += ["", f"### {title}", ""]
            for commit in entries:
                scope = f"**{commit.scope}:** " if commit.scope else ""
                lines.append(f"- {scope}{commit.description} ({commit.sha[:7]})")
    return "\n".join(lines) + "\n"
