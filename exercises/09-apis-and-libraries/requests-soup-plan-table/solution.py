"""requests fetches the page, BeautifulSoup turns its <table> into dicts."""

from itertools import zip_longest

import requests
from bs4 import BeautifulSoup, Tag

USER_AGENT = "pyroad-plans/1.0 (+https://pyroad.example.org/bot)"
TIMEOUT = (3.05, 10)


def make_session() -> requests.Session:
    session = requests.Session()
    session.headers.update({"User-Agent": USER_AGENT, "Accept": "text/html"})
    return session


def _cell_text(cell: Tag) -> str | None:
    return " ".join(cell.get_text().split()) or None


def _colspan(cell: Tag) -> int:
    span = cell.get("colspan", "").strip()
    return max(int(span), 1) if span.isascii() and span.isdigit() else 1


def _cells(row: Tag) -> list[Tag]:
    return row.find_all(["th", "td"], recursive=False)


def parse_table(html: str | bytes, table_id: str) -> list[dict[str, str | None]]:
    soup = BeautifulSoup(html, "html.parser")
    table = soup.find("table", id=table_id)
    if table is None:
        raise LookupError(f"no table with id {table_id!r} in the page")

    # rows of a table nested in a cell belong to that table, not to this one
    header, *rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    columns = [_cell_text(cell) for cell in _cells(header)]
    for column in columns:
        if columns.count(column) > 1:
            raise ValueError(f"duplicate column {column!r}")

    records = []
    for number, row in enumerate(rows, start=1):
        values: list[str | None] = []
        for cell in _cells(row):
            values.extend([_cell_text(cell)] * _colspan(cell))
        if len(values) > len(columns):
            raise ValueError(f"row {number} has {len(values)} cells but the table has {len(columns)} columns")
        records.append(dict(zip_longest(columns, values)))
    return records


def fetch_table(session: requests.Session, url: str, table_id: str) -> list[dict[str, str | None]]:
    response = session.get(url, timeout=TIMEOUT)
    response.raise_for_status()
    return parse_table(response.content, table_id)
