"""Fetch a web page with requests and read one of its tables with BeautifulSoup.

plans.html (next to this file) is the price page of a small hosting company.
Its <table id="plans"> has a header row and one row per plan:

    parse_table(html, "plans")[1]
    == {"Plan": "Pro", "Monthly": "€9.99", "Yearly": "€99",
        "Storage": "100 GB", "Support": "E-mail, next business day"}

1. make_session() returns a requests.Session whose default headers send
   User-Agent: USER_AGENT and Accept: "text/html" with every request, while
   keeping requests' other defaults (Accept-Encoding, ...).

2. parse_table(html, table_id) finds <table id=table_id> (html may be str or
   bytes). The cells (<th> or <td>) of its first <tr> are the column names;
   every later <tr> becomes a dict {column: cell text}. A cell's text has its
   whitespace collapsed ("E-mail,\\n   next business day" -> "E-mail, next
   business day"; "€<b>29</b>.00" -> "€29.00"). An empty cell, and a cell missing
   at the end of a short row, is None. A cell with colspan="2" fills two
   columns with its text; a colspan that is not a whole number above 0
   ("0", "x", "") counts as 1, as browsers do. A row with more cells than
   columns raises ValueError("row 3 has 6 cells but the table has 5 columns");
   two columns with the same name (two empty header cells too) raise
   ValueError("duplicate column 'Price'"), since one would overwrite the
   other in every dict. The id must match exactly ("plans-archive" is not
   "plans") and may hold any character ("q1.2024"); no such table raises
   LookupError("no table with id 'prices' ..."). A table nested inside a
   cell is part of that cell's text: its rows and cells are not rows and
   cells of the outer table.

3. fetch_table(session, url, table_id) GETs url with that session and
   timeout=TIMEOUT, raises requests.HTTPError for a 4xx/5xx answer, and parses
   the page. Careful: a server that sends "Content-Type: text/html" without a
   charset makes response.text guess ISO-8859-1 and "€" becomes "â‚¬".
"""

import requests
from bs4 import BeautifulSoup

USER_AGENT = "pyroad-plans/1.0 (+https://pyroad.example.org/bot)"
TIMEOUT = (3.05, 10)  # (connect, read) seconds: never wait forever for a server


def make_session() -> requests.Session:
    # TODO: a Session with the two default headers.
    raise NotImplementedError


def parse_table(html: str | bytes, table_id: str) -> list[dict[str, str | None]]:
    soup = BeautifulSoup(html, "html.parser")
    # TODO: find the table, read the column names, then one dict per row.
    raise NotImplementedError


def fetch_table(session: requests.Session, url: str, table_id: str) -> list[dict[str, str | None]]:
    # TODO: GET with a timeout, raise for a bad status, parse the page.
    raise NotImplementedError
