"""The command line part of tally. Nothing to do in this file."""

import argparse
import sys

from .core import top_words


def main(argv: list[str] | None = None) -> int:
    """Run `tally [--top N] [WORD ...]` and return the exit code."""
    parser = argparse.ArgumentParser(prog="tally", description="Count the words in some text.")
    parser.add_argument("words", nargs="*", help="the text (default: read standard input)")
    parser.add_argument("--top", type=int, default=3, help="how many words to show")
    args = parser.parse_args(argv)
    text = " ".join(args.words) if args.words else sys.stdin.read()
    for word, count in top_words(text, args.top):
        print(f"{word} {count}")
    return 0
