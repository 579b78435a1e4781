r"""Conventional Commits -> the next semantic version and its changelog.

Teams that write commit messages as Conventional Commits
(https://www.conventionalcommits.org/en/v1.0.0/) let a tool decide the
next version from the log. A message's first line, the header, is

    type(scope)!: description          e.g.  feat(api)!: stream results

type is ASCII letters, case-insensitive ("Feat" is "feat"; "feature" is a
type of its own, NOT feat); "(scope)" is optional and never empty; "!" is
optional and marks a breaking change; then a colon, ONE space and a
description that is not empty. A change is also breaking when a line of
the rest of the message STARTS with the footer token "BREAKING CHANGE: "
or "BREAKING-CHANGE: " (upper case; the words in the middle of a sentence
do not count).

1. read_log(repo, since=None) -> [(sha, message), ...], oldest first, from
       git log -z --reverse --format=%H%n%B <range>
   where range is "HEAD", or "<since>..HEAD" (the commits after that tag).
   -z ends each commit with a NUL: a message has newlines and blank lines.
   Each record is the sha, a newline, then the message exactly as %B gives
   it (with its final newline). Run git with an argument list and
   check=True, so an unknown tag raises subprocess.CalledProcessError.
2. parse_commit(sha, message) -> Commit, or None when the header is not
   conventional ("Merge branch 'x'", "update stuff", "feat:no space").
3. next_version("MAJOR.MINOR.PATCH", commits) -> the new version or None.
   The HIGHEST bump wins and applies once: any breaking commit -> major
   ("1.4.2" -> "2.0.0"), else any feat -> minor ("1.4.2" -> "1.5.0"), else
   any fix -> patch ("1.4.2" -> "1.4.3"), else None (nothing to release).
   Before 1.0.0 (major 0, semver item 4) a breaking change bumps the minor:
   "0.9.3" -> "0.10.0". Numbers are numbers: "1.9.9" + feat -> "1.10.0".
   Anything but three dot-separated ASCII numbers raises
   ValueError("'v1.2' is not a MAJOR.MINOR.PATCH version").
4. changelog(version, date, commits) -> Markdown, one entry per commit:
       ## 2.0.0 (2024-03-05)

       ### Breaking changes

       - **api:** stream results (ddddddd)

       ### Features

       - **cli:** add --json (aaaaaaa)
   Sections in this order: "Breaking changes" (every breaking commit),
   "Features" (feat), "Bug fixes" (fix); other types are left out, and so
   is a section with no entry. Entries keep the commits' order. An entry
   is "- ", "**scope:** " when there is a scope, the description, then the
   first 7 characters of the sha in parentheses. Lines are joined with
   "\n" and the text ends with one "\n".
"""
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Commit:
    sha: str
    type: str  # lower case
    scope: str | None
    breaking: bool
    description: str


def read_log(repo: Path, since: str | None = None) -> list[tuple[str, str]]:
    # TODO: git log -z --reverse --format=%H%n%B; split on "\0", then at the first "\n".
    raise NotImplementedError


def parse_commit(sha: str, message: str) -> Commit | None:
    # TODO: a regular expression for the header; look for the footer token at a line start.
    raise NotImplementedError


def next_version(version: str, commits: list[Commit]) -> str | None:
    # TODO: breaking > feat > fix; major 0 is special.
    raise NotImplementedError


def changelog(version: str, date: str, commits: list[Commit]) -> str:
    # TODO: a heading, then the three sections that have entries.
    raise NotImplementedError
