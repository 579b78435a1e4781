"""requests fetches the page, BeautifulSoup turns its <table> into dicts."""

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


def parse_table(html: str | bytes, table_id: str) -> list[dict[str, str | None]]:
    soup = BeautifulSoup(html, "html.parser")
    table = soup.find("table", id=table_id)
    if table is None:
        raise LookupError(f"no table with id {table_id!r} in the page")

    header, *rows = table.find_all("tr")
    columns = [_cell_text(cell) for cell in header.find_all(["th", "td"])]

    records = []
    for number, row in enumerate(rows, start=1):
        values: list[str | None] = []
        for cell in row.find_all(["th", "td"]):
            values.extend([_cell_text(cell)] * int(cell.get("colspan", 1)))
        if len(values) > len(columns):
            raise ValueError(f"row {number} has {len(values)} cells but the table has {len(columns)} columns")
        values += [None] * (len(columns) - len(values))
        records.append(dict(zip(columns, values)))
    return records


def fetch_table(session: requests.Session, url: str, table_id: str) -> list[dict[str, str | None]]:
    response = session.get(url, timeout=TIMEOUT)
    response.raise_for_status()
    return parse_table(response.content, table_id)
