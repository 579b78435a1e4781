"""Write the deals to an .xlsx workbook with openpyxl, safe from formula injection."""
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HEADERS = ["SKU", "Title", "Price", "URL"]
PRICE_FORMAT = "£#,##0.00"


def safe_text(value: str) -> str:
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


def write_report(deals, path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Deals"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for deal in deals:
        sheet.append([safe_text(deal.sku), safe_text(deal.title), deal.price, safe_text(deal.url)])
        sheet.cell(row=sheet.max_row, column=3).number_format = PRICE_FORMAT
    sheet.freeze_panes = "A2"
    workbook.save(path)
    return Path(path)
