"""Capstone: an expenses report command-line program, in several modules."""

import argparse
import sys
from pathlib import Path

from expense_report_kit.errors import InputError
from expense_report_kit.loader import load_expenses
from expense_report_kit.report import render_report, summarise, write_text_atomic


def main(argv: list[str] | None = None) -> int:
    """Run the program with `argv` (default: sys.argv[1:]); return the exit code."""
    parser = argparse.ArgumentParser()
    parser.add_argument("input")
    parser.add_argument("--out")
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args(argv)

    source = Path(args.input)
    try:
        expenses, errors = load_expenses(source)
    except FileNotFoundError:
        print(f"error: cannot read {args.input!r}: no such file", file=sys.stderr)
        return 2
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2

    for error in errors:
        print(f"warning: {error}", file=sys.stderr)
    if errors and args.strict:
        print(f"error: {len(errors)} bad row(s), no report written", file=sys.stderr)
        return 1

    report = render_report(summarise(expenses), errors, source.name)
    if args.out:
        write_text_atomic(Path(args.out), report)
        print(f"Report written to {args.out}")
    else:
        print(report, end="")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
