'''File handling: write and read a contacts CSV the way spreadsheets expect.

Real values contain commas ("Doe, Jane"), quotes ('said "hi"') and even line
breaks (a two-line note), and files exported from Excel start with a
byte-order mark (BOM). Splitting on "," gets all of that wrong; the csv
module gets it right, if you open the file the way its docs say.

    contacts = [{"name": "Doe, Jane", "email": "jane@example.com", "note": 'said "hi"'}]
    write_contacts(path, contacts)      # -> 1
    path.read_bytes()
    # b'name,email,note\\r\\n"Doe, Jane",jane@example.com,"said ""hi"""\\r\\n'
    read_contacts(path) == contacts     # -> True

FIELDS is the column order: name, email, note.

write_contacts(path, contacts) -> int
- Writes a header row and one row per contact, columns in FIELDS order,
  with the csv module's standard dialect (values quoted only when needed,
  "\\r\\n" after each row), as UTF-8 without a BOM. Returns the number of
  contacts written.
- A contact without a "note" (or any field) gets an empty value there.

read_contacts(path) -> list[dict[str, str]]
- Returns one dict per row with exactly the FIELDS as keys, values as
  strings, exactly as written: commas, quotes and line breaks inside a value
  (including "\\r\\n") come back unchanged.
- Reads files with or without a UTF-8 BOM at the start, and with "\\r\\n" or
  "\\n" after each row.
- A row with fewer values than the header gets "" for the missing ones.
  Extra columns in the file are ignored.
- A header without one of the FIELDS raises
  ValueError("missing column 'email'") (the first missing one, in FIELDS
  order). An empty file gives [].
'''

import csv
from pathlib import Path

FIELDS = ("name", "email", "note")


def write_contacts(path: Path, contacts: list[dict[str, str]]) -> int:
    """Write `contacts` to `path` as CSV; return how many were written."""
    # TODO: use csv.DictWriter on a file opened with encoding and newline="".
    raise NotImplementedError


def read_contacts(path: Path) -> list[dict[str, str]]:
    """Read the contacts CSV at `path`."""
    # TODO: use csv.DictReader; handle a BOM, check the header.
    raise NotImplementedError
