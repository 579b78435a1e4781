import builtins
import csv

import pytest

import sales_report_solid as reports
from sales_report_solid import (
    CsvFileSource,
    CsvFormatter,
    Sale,
    TextFormatter,
    generate_report,
    totals_by_region,
)

SALES_CSV = "region,amount_cents\nEU,1250\nUS,300\nEU,50\nÎle-de-France,-75\n"


def legacy_generate(path, fmt):
    """The original SalesReport.generate, copied verbatim: generate_report must agree with it."""
    totals = {}
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


class FakeSource:
    """A SalesSource for tests: no file, and it counts how often it is asked."""

    def __init__(self, *sales):
        self.sales = list(sales)
        self.loads = 0

    def load(self):
        self.loads += 1
        return list(self.sales)


class HtmlListFormatter:
    """A format the original never had, written without touching any existing class."""

    def render(self, totals):
        items = "".join(f"<li>{region}: {cents}</li>" for region, cents in sorted(totals.items()))
        return f"<ul>{items}</ul>"


def protocol(name):
    cls = getattr(reports, name, None)
    assert cls is not None, f"define the Protocol class {name} (see the task)"
    assert getattr(cls, "_is_protocol", False), f"{name} should be a typing.Protocol: class {name}(Protocol): ..."
    return cls


@pytest.fixture
def sales_file(tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text(SALES_CSV, encoding="utf-8")
    return path


# --- S: each part does one job -------------------------------------------------------------------

def test_csv_file_source_reads_the_sales_in_file_order(sales_file):
    assert CsvFileSource(str(sales_file)).load() == [
        Sale("EU", 1250), Sale("US", 300), Sale("EU", 50), Sale("Île-de-France", -75),
    ]


def test_csv_file_source_keeps_a_line_break_inside_a_quoted_field(tmp_path):
    path = tmp_path / "quoted.csv"
    path.write_bytes(b'region,amount_cents\r\n"North\r\nEast",100\r\nEU,5\r\n')

    assert CsvFileSource(str(path)).load() == [Sale("North\r\nEast", 100), Sale("EU", 5)], (
        "open CSV files with newline='' as the csv docs say (and as the original did): otherwise Python "
        "rewrites the line break inside the quoted field before csv sees it"
    )


def test_a_sale_cannot_be_changed_once_made():
    sale = Sale("EU", 100)
    with pytest.raises(AttributeError):
        sale.amount_cents = 0


def test_csv_file_source_of_a_file_with_only_the_header_is_empty(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("region,amount_cents\n", encoding="utf-8")
    assert CsvFileSource(str(path)).load() == []


def test_csv_file_source_names_the_line_of_a_bad_amount(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("region,amount_cents\nEU,100\nUS,12.5\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^line 3: bad amount '12\.5'$"):
        CsvFileSource(str(path)).load()


@pytest.mark.parametrize(
    ("sales", "expected"),
    [
        ([], {}),
        ([Sale("EU", 1250), Sale("US", 300), Sale("EU", 50)], {"EU": 1300, "US": 300}),
        ([Sale("Île-de-France", 500), Sale("Île-de-France", -500)], {"Île-de-France": 0}),
    ],
    ids=["no-sales", "two-regions", "a-refund-cancels-a-sale"],
)
def test_totals_by_region_adds_up_the_cents_per_region(sales, expected):
    assert totals_by_region(sales) == expected


@pytest.mark.parametrize(
    ("formatter", "expected"),
    [
        (TextFormatter(), "Sales by region\nEU: 13.00\nUS: -0.75\n"),
        (CsvFormatter(), "region,total\nEU,13.00\nUS,-0.75\n"),
    ],
    ids=["text", "csv"],
)
def test_the_formatters_render_sorted_regions_in_euros(formatter, expected):
    assert formatter.render({"US": -75, "EU": 1300}) == expected


# --- D: the dependencies are injected, so fakes can stand in ------------------------------------------

def test_sales_report_works_with_a_fake_source_and_touches_no_file(monkeypatch):
    def no_files(*args, **kwargs):
        raise AssertionError("SalesReport opened a file: it should only call source.load()")

    monkeypatch.setattr(builtins, "open", no_files)
    source = FakeSource(Sale("EU", 1250), Sale("US", 300), Sale("EU", 50))

    report = reports.SalesReport(source, TextFormatter())

    assert report.build() == "Sales by region\nEU: 13.00\nUS: 3.00\n"
    assert source.loads == 1, "build() should load the sales exactly once"


def test_sales_report_hands_the_totals_to_whatever_formatter_it_was_given():
    class RecordingFormatter:
        def render(self, totals):
            self.got = totals
            return "rendered"

    formatter = RecordingFormatter()
    report = reports.SalesReport(FakeSource(Sale("EU", 5), Sale("EU", 7)), formatter)

    assert report.build() == "rendered"
    assert formatter.got == {"EU": 12}


def test_the_protocols_accept_any_object_with_the_right_method():
    sales_source, report_formatter = protocol("SalesSource"), protocol("ReportFormatter")

    try:
        checks = [isinstance(FakeSource(), sales_source), isinstance(HtmlListFormatter(), report_formatter),
                  isinstance(CsvFileSource("x.csv"), sales_source), isinstance(TextFormatter(), report_formatter)]
    except TypeError as error:
        pytest.fail(f"{error} - put @runtime_checkable above both Protocols")
    assert all(checks), "classes with load()/render() should count as SalesSource/ReportFormatter, no inheritance needed"
    assert not isinstance(TextFormatter(), sales_source)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: reports.SalesReport("sales.csv", TextFormatter()), "source must be a SalesSource, got str"),
        (lambda: reports.SalesReport(FakeSource(), "text"), "formatter must be a ReportFormatter, got str"),
    ],
    ids=["a-path-instead-of-a-source", "a-name-instead-of-a-formatter"],
)
def test_sales_report_refuses_parts_that_do_not_fit(make, message):
    with pytest.raises(TypeError, match=f"^{message}$"):
        make()


# --- O: new behaviour without editing existing code ------------------------------------------------------

def test_a_new_format_is_a_new_class_not_an_edit():
    report = reports.SalesReport(FakeSource(Sale("US", 300), Sale("EU", 50)), HtmlListFormatter())

    assert report.build() == "<ul><li>EU: 50</li><li>US: 300</li></ul>"


def test_a_new_format_registered_in_formatters_works_in_generate_report(monkeypatch, sales_file):
    monkeypatch.setitem(reports.FORMATTERS, "html", HtmlListFormatter)

    assert generate_report(str(sales_file), "html") == (
        "<ul><li>EU: 1300</li><li>US: 300</li><li>Île-de-France: -75</li></ul>"
    )


# --- the old entry point still behaves exactly as before -----------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "csv"], ids=["text", "csv"])
def test_generate_report_gives_the_same_output_as_the_original(sales_file, fmt):
    assert generate_report(str(sales_file), fmt) == legacy_generate(sales_file, fmt)


def test_generate_report_refuses_an_unknown_format(sales_file):
    with pytest.raises(ValueError, match=r"^unknown format 'xml'$"):
        generate_report(str(sales_file), "xml")
