r"""SOLID: split a do-everything report class into small parts joined through Protocols.

SalesReport below reads a CSV file, adds up the sales per region AND renders the result as
text or CSV. It breaks three SOLID principles at once:
  S - single responsibility: three reasons to change (file format, arithmetic, layout) in one method;
  O - open/closed: a new output format means editing the if/elif chain;
  D - dependency inversion: it opens a real file itself, so it cannot be tested without one.

Rebuild it from these parts (Sale is given):
- `SalesSource` and `ReportFormatter`: @runtime_checkable typing.Protocol classes, with one
  method each, `load(self) -> list[Sale]` and `render(self, totals: dict[str, int]) -> str`.
- `CsvFileSource(path)`: its load() reads the file as the original does (open it with
  newline="" and encoding="utf-8"; same ValueError as now for a bad amount).
- `totals_by_region(sales)`: a pure function, {region: total cents}.
- `TextFormatter` and `CsvFormatter`: render() gives exactly what the old "text" and "csv" did.
- `SalesReport(source, formatter)`: gets both parts INJECTED through the constructor, refuses
  anything else (TypeError("source must be a SalesSource, got str"), the same for
  "formatter must be a ReportFormatter, got ..."), and build() just joins the parts.
- `FORMATTERS = {"text": TextFormatter, "csv": CsvFormatter}` and `generate_report(path, fmt)`,
  the old entry point, built from the parts; an unknown fmt: ValueError("unknown format 'xml'").

    class InMemory:                          # any object with load() is a SalesSource
        def load(self):
            return [Sale("EU", 1250), Sale("US", 300), Sale("EU", 50)]

    SalesReport(InMemory(), TextFormatter()).build() == "Sales by region\nEU: 13.00\nUS: 3.00\n"

A new format or a new data source is then a new class: nothing existing changes.
"""

import csv
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class Sale:
    region: str
    amount_cents: int


class SalesReport:
    """Reads a CSV of sales, totals them by region and renders text or CSV. Does everything."""

    def generate(self, path: str, fmt: str) -> str:
        totals: dict[str, int] = {}
        with open(path, newline="", encoding="utf-8") as file:
            for line_number, row in enumerate(csv.DictReader(file), start=2):
                try:
                    amount = int(row["amount_cents"])
                except ValueError:
                    raise ValueError(f"line {line_number}: bad amount {row['amount_cents']!r}") from None
                totals[row["region"]] = totals.get(row["region"], 0) + amount
        if fmt == "text":
            lines = ["Sales by region"]
            for region in sorted(totals):
                lines.append(f"{region}: {totals[region] / 100:.2f}")
            return "\n".join(lines) + "\n"
        elif fmt == "csv":
            lines = ["region,total"]
            for region in sorted(totals):
                lines.append(f"{region},{totals[region] / 100:.2f}")
            return "\n".join(lines) + "\n"
        else:
            raise ValueError(f"unknown format {fmt!r}")


# TODO: the two Protocols, SalesSource and ReportFormatter.


class CsvFileSource:
    def __init__(self, path: str) -> None:
        self.path = path

    def load(self) -> list[Sale]:
        # TODO: the file reading from SalesReport.generate
        raise NotImplementedError


def totals_by_region(sales: list[Sale]) -> dict[str, int]:
    # TODO
    raise NotImplementedError


class TextFormatter:
    def render(self, totals: dict[str, int]) -> str:
        # TODO
        raise NotImplementedError


class CsvFormatter:
    def render(self, totals: dict[str, int]) -> str:
        # TODO
        raise NotImplementedError


# TODO: rewrite SalesReport as described above, then FORMATTERS and generate_report.
def generate_report(path: str, fmt: str) -> str:
    raise NotImplementedError
