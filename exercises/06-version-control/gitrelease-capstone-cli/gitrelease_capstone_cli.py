r"""gitrelease: a small release tool, tested against real repositories.

A team that writes Conventional Commits can release with one command:

    $ python gitrelease_capstone_cli.py --date 2024-03-05 path/to/repo
    released v1.3.0

It finds the last release tag, reads the commits since, picks the next
semantic version, writes CHANGELOG.md, commits it and tags the commit.
The package gitrelease/ holds the parts; each module's docstring is its
task:

    gitrelease/gitcmd.py        git(repo, *args), GitError      (provided)
    gitrelease/conventional.py  parse_commit, next_version,
                                render_notes                     (provided)
    gitrelease/tags.py          parse_tag, latest_version_tag    (yours)
    gitrelease/changelog.py     prepend_entry                    (yours)
    gitrelease/release.py       release, Release, ReleaseError   (yours)
    gitrelease_capstone_cli.py  main, below                      (yours)

main(argv=None) -> exit status, with argparse (prog "gitrelease"):
    positional  repo       optional, default "." (a Path)
    --date      YYYY-MM-DD required: the date written in the changelog
    --dry-run              show what would be released, change nothing
It calls release(repo, date, dry_run=...) and prints to stdout
    "released v1.3.0"                             after a release
    "would release v1.3.0", an empty line, then the notes   (--dry-run)
    "nothing to release"                          when release gives None
and returns 0. A ReleaseError or GitError is printed to stderr as
"gitrelease: <the error>" and main returns 1 (no traceback).
"""
import argparse
import sys
from pathlib import Path

from gitrelease import ReleaseError, release
from gitrelease.gitcmd import GitError


def main(argv: list[str] | None = None) -> int:
    # TODO: parse the arguments, call release, print the outcome.
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
