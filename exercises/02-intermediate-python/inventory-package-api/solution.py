"""Turn a folder of modules into a package, then use it."""

from inventory import item_from_row, total_value


def inventory_value(rows: list[str]) -> int:
    """Return the total value, in cents, of the stock described by the CSV rows."""
    return total_value(item_from_row(row) for row in rows)
