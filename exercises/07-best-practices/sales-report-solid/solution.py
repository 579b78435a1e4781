"""Sales per region: a source, a calculation and a formatter, joined through Protocols."""

import csv
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class Sale:
    region: str
    amount_cents: int


@runtime_checkable
class SalesSource(Protocol):
    def load(self) -> list[Sale]: ...


@runtime_checkable
class ReportFormatter(Protocol):
    def render(self, totals: dict[str, int]) -> str: ...


class CsvFileSource:
    """Sales from a CSV file with the columns region and amount_cents."""

    def __init__(self, path: str) -> None:
        self.path = path

    def load(self) -> list[Sale]:
        sales = []
        with open(self.path, newline="", encoding="utf-8") as file:
            for line_number, row in enumerate(csv.DictReader(file), start=2):
                try:
                    amount = int(row["amount_cents"])
                except ValueError:
                    raise ValueError(f"line {line_number}: bad amount {row['amount_cents']!r}") from None
                sales.append(Sale(row["region"], amount))
        return sales


def totals_by_region(sales: list[Sale]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for sale in sales:
        totals[sale.region] = totals.get(sale.region, 0) + sale.amount_cents
    return totals


class TextFormatter:
    def render(self, totals: dict[str, int]) -> str:
        lines = ["Sales by region"]
        lines += [f"{region}: {totals[region] / 100:.2f}" for region in sorted(totals)]
        return "\n".join(lines) + "\n"


class CsvFormatter:
    def render(self, totals: dict[str, int]) -> str:
        lines = ["region,total"]
        lines += [f"{region},{totals[region] / 100:.2f}" for region in sorted(totals)]
        return "\n".join(lines) + "\n"


class SalesReport:
    """Totals the sales of any source and renders them with any formatter."""

    def __init__(self, source: SalesSource, formatter: ReportFormatter) -> None:
        if not isinstance(source, SalesSource):
            raise TypeError(f"source must be a SalesSource, got {type(source).__name__}")
        if not isinstance(formatter, ReportFormatter):
            raise TypeError(f"formatter must be a ReportFormatter, got {type(formatter).__name__}")
        self.source = source
        self.formatter = formatter

    def build(self) -> str:
        return self.formatter.render(totals_by_region(self.source.load()))


FORMATTERS: dict[str, type[ReportFormatter]] = {"text": TextFormatter, "csv": CsvFormatter}


def generate_report(path: str, fmt: str) -> str:
    """The old entry point: a report of the CSV file at path, in the format named fmt."""
    if fmt not in FORMATTERS:
        raise ValueError(f"unknown format {fmt!r}")
    return SalesReport(CsvFileSource(path), FORMATTERS[fmt]()).build()
