import argparse
import sys
from pathlib import Path

from gitrelease import ReleaseError, release
from gitrelease.gitcmd import GitError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gitrelease")
    parser.add_argument("repo", nargs="?", type=Path, default=Path("."))
    parser.add_argument("--date", required=True)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    try:
        result = release(args.repo, args.date, dry_run=args.dry_run)
    except (ReleaseError, GitError) as error:
        print(f"gitrelease: {error}", file=sys.stderr)
        return 1
    if result is None:
        print("nothing to release")
    elif args.dry_run:
        print(f"would release {result.tag}\n")
        print(result.notes, end="")
    else:
        print(f"released {result.tag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
