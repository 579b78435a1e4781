"""Write the deals to an .xlsx workbook with openpyxl, safe from formula injection.

Scraped text is untrusted: a title "=HYPERLINK(...)" written as is becomes a
live formula when someone opens the file (CSV/Excel injection; openpyxl
itself stores any string starting with "=" as a formula).
- safe_text(value) -> str: text starting with = + - @ TAB or CR gets a
  leading apostrophe ("=1+2" -> "'=1+2"); anything else is returned as is.
- write_report(deals, path) -> Path: one sheet titled "Deals"; row 1 is
  HEADERS in bold; then one row per deal: safe_text(sku), safe_text(title),
  the price as a NUMBER (the Decimal itself) with number_format PRICE_FORMAT,
  safe_text(url). Freeze the header row (freeze_panes = "A2"). Save to path
  and return it as a Path.
"""
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HEADERS = ["SKU", "Title", "Price", "URL"]
PRICE_FORMAT = "£#,##0.00"


def safe_text(value: str) -> str:
    # TODO
    raise NotImplementedError


def write_report(deals, path: Path) -> Path:
    # TODO
    raise NotImplementedError
