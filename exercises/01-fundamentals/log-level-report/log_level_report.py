r"""File handling: count log levels and write a report file.

Each line of a server log looks like "DATE TIME LEVEL message":

    2024-05-01 09:12:09 ERROR Disk /var/data is 98% full

Write three functions:

count_levels(path, *, encoding="utf-8") -> dict[str, int]
- Reads the file at `path` with the given encoding and counts how often each
  level appears. Levels are counted in upper case ("warning" is "WARNING").
- Blank lines are skipped.
- Fields are separated by any run of whitespace (spaces or tabs). A line
  with exactly three fields ("DATE TIME LEVEL", no message) still counts.
- A non-blank line with fewer than three whitespace-separated fields raises
  ValueError("line 4: expected 'DATE TIME LEVEL message', got 'oops'")
  where 4 is the line's number in the file, counting from 1, and the bad
  line is shown with surrounding whitespace removed.

format_report(counts) -> str
- One line "LEVEL: count" per level, most frequent first; levels with the
  same count in alphabetical order. Every line ends with "\n".
  {"INFO": 5, "WARNING": 2, "ERROR": 2} -> "INFO: 5\nERROR: 2\nWARNING: 2\n"

write_report(counts, path) -> Path
- Writes format_report(counts) to `path` as UTF-8, replacing any old file,
  creating missing parent folders. Returns `path`. Say encoding="utf-8"
  when you open or write the file: without it Python uses the machine's
  default encoding, which is not UTF-8 on many Windows machines.

main() (already written) uses your three functions. Running the file
(`python3 log_level_report.py`) summarises server.log, which sits next to it,
writes levels_report.txt into a new temporary folder (so nothing is left
behind in your workspace; the tests pass main() a folder of their own), and
must print:

    Read 10 entries from server.log
    INFO: 5
    ERROR: 2
    WARNING: 2
    DEBUG: 1
    Report written to levels_report.txt
"""

import tempfile
from pathlib import Path


def count_levels(path: Path, *, encoding: str = "utf-8") -> dict[str, int]:
    """Return how many lines of the log at `path` have each level."""
    counts: dict[str, int] = {}
    # TODO: open the file with the given encoding and count the levels,
    #       raising ValueError for lines that are not "DATE TIME LEVEL message".
    return counts


def format_report(counts: dict[str, int]) -> str:
    """Return the report text: "LEVEL: count" lines, most frequent first."""
    # TODO: sort by count (highest first), then by level name.
    return ""


def write_report(counts: dict[str, int], path: Path) -> Path:
    """Write the report for `counts` to `path` (UTF-8) and return `path`."""
    # TODO: create the parent folders, then write format_report(counts).
    return path


def main(report_dir: Path | None = None) -> Path:
    """Summarise server.log into report_dir/levels_report.txt; return the report's path."""
    if report_dir is None:
        report_dir = Path(tempfile.mkdtemp())
    counts = count_levels(Path(__file__).parent / "server.log")
    report = write_report(counts, report_dir / "levels_report.txt")
    print(f"Read {sum(counts.values())} entries from server.log")
    print(format_report(counts), end="")
    print(f"Report written to {report.name}")
    return report


if __name__ == "__main__":
    main()
