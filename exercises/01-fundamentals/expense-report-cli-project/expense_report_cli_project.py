"""Capstone: an expenses report command-line program, in several modules.

Next to this file is the package expense_report_kit/ (its docstrings say
exactly what each function must do) and a sample, expense_report_sample.csv:

    expense_report_kit/
        errors.py    RowError (one bad row), InputError (bad file)   (done)
        models.py    Expense.from_row(row): parse and validate        <- TODO
        loader.py    load_expenses(path): read the CSV                <- TODO
        report.py    summarise(), write_text_atomic()                 <- TODO
                     render_report()                                  (done)

Then write main() here. Try it:  python3 expense_report_cli_project.py expense_report_sample.csv

main(argv=None) -> int  (the exit code; argv defaults to sys.argv[1:])
- Arguments (use argparse): INPUT, the CSV file; --out PATH, where to save the
  report (without it the report is printed to stdout); --strict.
- Reads INPUT with load_expenses. If INPUT does not exist, print
  "error: cannot read 'missing.csv': no such file" (the path as given) to
  stderr and return 2. On InputError, print "error: <the message>" to
  stderr and return 2.
- Every bad row is printed to stderr as "warning: line 4: bad amount 'abc'".
- With --strict and at least one bad row: print
  "error: 2 bad row(s), no report written" to stderr and return 1 without
  writing or printing any report (an old report file stays as it was).
- Otherwise: the report is render_report(summarise(expenses), errors,
  <INPUT's file name>). With --out it is saved with write_text_atomic and
  "Report written to <PATH as given>" is printed to stdout; without --out
  the report itself is printed to stdout (print(report, end="")).
- Returns 1 if any row was bad (the report still lists them), else 0.
- Nothing is kept between calls: main can be called many times.

    $ python3 expense_report_cli_project.py expense_report_sample.csv
    warning: line 5: bad amount 'abc'
    warning: line 6: amount must be positive, got -5.00
    Expenses in expense_report_sample.csv
    food                     26.05
    office                   42.00
    travel                  120.40
    TOTAL                   188.45
    Skipped 2 bad row(s):
      line 5: bad amount 'abc'
      line 6: amount must be positive, got -5.00
"""

import argparse
import sys
from pathlib import Path

from expense_report_kit.errors import InputError
from expense_report_kit.loader import load_expenses
from expense_report_kit.report import render_report, summarise, write_text_atomic


def main(argv: list[str] | None = None) -> int:
    """Run the program with `argv` (default: sys.argv[1:]); return the exit code."""
    # TODO: parse the arguments, load, report, and return the exit code.
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
