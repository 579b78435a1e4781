"""File handling: count log levels and write a report file."""

import tempfile
from pathlib import Path


def count_levels(path: Path, *, encoding: str = "utf-8") -> dict[str, int]:
    """Return how many lines of the log at `path` have each level."""
    counts: dict[str, int] = {}
    with path.open(encoding=encoding) as log:
        for number, line in enumerate(log, start=1):
            if not line.strip():
                continue
            fields = line.split()
            if len(fields) < 3:
                raise ValueError(
                    f"line {number}: expected 'DATE TIME LEVEL message', got {line.strip()!r}"
                )
            level = fields[2].upper()
            counts[level] = counts.get(level, 0) + 1
    return counts


def format_report(counts: dict[str, int]) -> str:
    """Return the report text: "LEVEL: count" lines, most frequent first."""
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return "".join(f"{level}: {count}\n" for level, count in ordered)


def write_report(counts: dict[str, int], path: Path) -> Path:
    """Write the report for `counts` to `path` (UTF-8) and return `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(format_report(counts), encoding="utf-8")
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
