"""Custom exceptions: a hierarchy, chaining, notes and ExceptionGroup.

An importer that stops at the first bad row makes users fix one row per
run. Collect every problem instead and raise them together as an
ExceptionGroup (Python 3.11+), each one labelled with a note.

1. The hierarchy: ImportFailed(Exception) is the base; BadRow(ImportFailed)
   has `.field` and the message "<field>: <problem>"; two subclasses:
   - MissingField(field)      -> message "qty: missing"
   - BadNumber(field, value)  -> message "qty: not a number: 'ten'",
                                 keeps `.value`
2. parse_row(row) -> {"sku": str, "qty": int}. Check "sku" then "qty"
   (MissingField for the first one absent), then int() the qty: on
   ValueError raise BadNumber chained with `raise ... from` the
   ValueError. Extra keys are ignored.
3. import_rows(rows) parses EVERY row. Each BadRow gets a note with
   exc.add_note(f"row {n}") (rows count from 1). If any failed, raise
   ExceptionGroup(f"{failed} of {total} rows failed", [the errors, in row
   order]); else return the parsed rows. Anything that is not a BadRow
   (a bug, e.g. a row that is None) is NOT collected: it propagates at
   once, as itself.
4. import_report(rows) calls import_rows and uses `except*` to turn the
   failures into lines, missing fields first, then bad numbers:
       "row 2: add 'qty'"                 for a MissingField
       "row 3: fix 'qty' ('ten')"         for a BadNumber
   A clean import gives []. Failures of other kinds are not handled here.

    import_rows([{"sku": "A", "qty": "2"}, {"sku": "B"}, {"sku": "C", "qty": "ten"}])
    # ExceptionGroup: 2 of 3 rows failed (2 sub-exceptions)
"""


class ImportFailed(Exception):
    """Base class of every error of the importer."""


# TODO: BadRow, MissingField and BadNumber


def parse_row(row: dict[str, str]) -> dict[str, object]:
    """Check one row and convert its qty to an int."""
    raise NotImplementedError


def import_rows(rows: list[dict[str, str]]) -> list[dict[str, object]]:
    """Parse every row; raise one ExceptionGroup of all bad rows."""
    raise NotImplementedError


def import_report(rows: list[dict[str, str]]) -> list[str]:
    """Import rows and describe the failures, one line each, by kind."""
    raise NotImplementedError
