import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

HEADER = re.compile(r"(?P<type>[A-Za-z]+)(?:\((?P<scope>[^()]+)\))?(?P<bang>!)?: (?P<description>\S.*)")
FOOTER = re.compile(r"^BREAKING[ -]CHANGE: ", re.MULTILINE)
VERSION = re.compile(r"([0-9]+)\.([0-9]+)\.([0-9]+)")
SECTIONS = {"breaking": "Breaking changes", "feat": "Features", "fix": "Bug fixes"}


@dataclass(frozen=True)
class Commit:
    sha: str
    type: str
    scope: str | None
    breaking: bool
    description: str


def read_log(repo: Path, since: str | None = None) -> list[tuple[str, str]]:
    revisions = f"{since}..HEAD" if since is not None else "HEAD"
    output = subprocess.run(
        ["git", "log", "-z", "--reverse", "--format=%H%n%B", revisions],
        cwd=repo, capture_output=True, encoding="utf-8", check=True,
    ).stdout
    log = []
    for record in output.split("\0"):
        if record:
            sha, _, message = record.partition("\n")
            log.append((sha, message))
    return log


def parse_commit(sha: str, message: str) -> Commit | None:
    header, _, body = message.partition("\n")
    match = HEADER.fullmatch(header.rstrip())
    if match is None:
        return None
    breaking = match["bang"] is not None or FOOTER.search(body) is not None
    return Commit(sha, match["type"].lower(), match["scope"], breaking, match["description"])


def next_version(version: str, commits: list[Commit]) -> str | None:
    match = VERSION.fullmatch(version)
    if match is None:
        raise ValueError(f"{version!r} is not a MAJOR.MINOR.PATCH version")
    major, minor, patch = map(int, match.groups())
    if any(commit.breaking for commit in commits):
        if major == 0:
            return f"0.{minor + 1}.0"
        return f"{major + 1}.0.0"
    if any(commit.type == "feat" for commit in commits):
        return f"{major}.{minor + 1}.0"
    if any(commit.type == "fix" for commit in commits):
        return f"{major}.{minor}.{patch + 1}"
    return None


def section_of(commit: Commit) -> str | None:
    return "breaking" if commit.breaking else commit.type


def changelog(version: str, date: str, commits: list[Commit]) -> str:
    lines = [f"## {version} ({date})"]
    for key, title in SECTIONS.items():
        entries = [commit for commit in commits if section_of(commit) == key]
        if entries:
            lines += ["", f"### {title}", ""]
            for commit in entries:
                scope = f"**{commit.scope}:** " if commit.scope else ""
                lines.append(f"- {scope}{commit.description} ({commit.sha[:7]})")
    return "\n".join(lines) + "\n"
