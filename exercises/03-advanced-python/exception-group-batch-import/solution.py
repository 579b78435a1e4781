"""Custom exceptions: a hierarchy, chaining, notes and ExceptionGroup."""


class ImportFailed(Exception):
    """Base class of every error of the importer."""


class BadRow(ImportFailed):
    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field


class MissingField(BadRow):
    def __init__(self, field: str) -> None:
        super().__init__(field, "missing")


class BadNumber(BadRow):
    def __init__(self, field: str, value: str) -> None:
        super().__init__(field, f"not a number: {value!r}")
        self.value = value


def parse_row(row: dict[str, str]) -> dict[str, object]:
    """Check one row and convert its qty to an int."""
    for field in ("sku", "qty"):
        if field not in row:
            raise MissingField(field)
    try:
        qty = int(row["qty"])
    except ValueError as exc:
        raise BadNumber("qty", row["qty"]) from exc
    return {"sku": row["sku"], "qty": qty}


def import_rows(rows: list[dict[str, str]]) -> list[dict[str, object]]:
    """Parse every row; raise one ExceptionGroup of all bad rows."""
    parsed = []
    errors: list[BadRow] = []
    for number, row in enumerate(rows, start=1):
        try:
            parsed.append(parse_row(row))
        except BadRow as exc:
            exc.add_note(f"row {number}")
            errors.append(exc)
    if errors:
        raise ExceptionGroup(f"{len(errors)} of {len(rows)} rows failed", errors)
    return parsed


def import_report(rows: list[dict[str, str]]) -> list[str]:
    """Import rows and describe the failures, one line each, by kind."""
    lines: list[str] = []
    try:
        import_rows(rows)
    except* MissingField as group:
        lines += [f"{exc.__notes__[0]}: add {exc.field!r}" for exc in group.exceptions]
    except* BadNumber as group:
        lines += [f"{exc.__notes__[0]}: fix {exc.field!r} ({exc.value!r})" for exc in group.exceptions]
    return lines
