"""File handling: write and read a contacts CSV the way spreadsheets expect."""

import csv
from pathlib import Path

FIELDS = ("name", "email", "note")


def write_contacts(path: Path, contacts: list[dict[str, str]]) -> int:
    """Write `contacts` to `path` as CSV; return how many were written."""
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(contacts)
    return len(contacts)


def read_contacts(path: Path) -> list[dict[str, str]]:
    """Read the contacts CSV at `path`."""
    with path.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file, restval="")
        if reader.fieldnames is None:
            return []
        for field in FIELDS:
            if field not in reader.fieldnames:
                raise ValueError(f"missing column {field!r}")
        return [{field: row[field] for field in FIELDS} for row in reader]
