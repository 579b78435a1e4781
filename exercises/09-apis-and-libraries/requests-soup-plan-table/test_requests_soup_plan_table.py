from pathlib import Path

import pytest
import requests
import responses

from requests_soup_plan_table import TIMEOUT, USER_AGENT, fetch_table, make_session, parse_table

PAGE = Path(__file__).parent / "plans.html"
URL = "https://tidy-cloud.example.com/plans"

PLANS = [
    {"Plan": "Free", "Monthly": "€0", "Yearly": "€0", "Storage": "1 GB", "Support": None},
    {"Plan": "Pro", "Monthly": "€9.99", "Yearly": "€99", "Storage": "100 GB", "Support": "E-mail, next business day"},
    {"Plan": "Team", "Monthly": "€29.00", "Yearly": "€290", "Storage": "1 TB", "Support": "E-mail and chat"},
    {"Plan": "Enterprise", "Monthly": "Contact sales", "Yearly": "Contact sales", "Storage": "Unlimited", "Support": "24/7 phone"},
    {"Plan": "Student", "Monthly": "€2", "Yearly": None, "Storage": None, "Support": None},
]


@pytest.fixture
def html():
    return PAGE.read_text(encoding="utf-8")


@pytest.fixture
def server():
    """Fake HTTP: requests made through `requests` are answered by the responses library."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


# ---------------------------------------------------------------- parse_table


def test_parse_table_turns_every_row_into_a_dict(html):
    assert parse_table(html, "plans") == PLANS


@pytest.mark.parametrize(
    ("index", "column", "expected"),
    [
        (1, "Storage", "100 GB"),
        (1, "Support", "E-mail, next business day"),
        (2, "Monthly", "€29.00"),
        (1, "Plan", "Pro"),
    ],
    ids=["non-breaking-space", "line-break", "bold-inside-a-price", "link-inside-a-header-cell"],
)
def test_parse_table_collapses_whitespace_and_markup_in_cells(html, index, column, expected):
    assert parse_table(html, "plans")[index][column] == expected


def test_parse_table_repeats_a_colspan_cell_over_the_columns_it_spans(html):
    enterprise = parse_table(html, "plans")[3]

    assert enterprise["Monthly"] == enterprise["Yearly"] == "Contact sales", (
        'a <td colspan="2"> covers the Monthly and the Yearly column'
    )
    assert enterprise["Storage"] == "Unlimited", "after a colspan the next cell moves two columns on"


def test_parse_table_fills_missing_and_empty_cells_with_none(html):
    rows = parse_table(html, "plans")

    assert rows[4] == {"Plan": "Student", "Monthly": "€2", "Yearly": None, "Storage": None, "Support": None}
    assert rows[0]["Support"] is None, "an empty <td></td> is None, not an empty string"


def test_parse_table_picks_the_table_by_id(html):
    assert parse_table(html, "regions") == [
        {"Region": "eu-1", "City": "Frankfurt"},
        {"Region": "us-2", "City": "Oregon"},
    ]


def test_parse_table_of_a_header_only_table_is_empty():
    assert parse_table('<table id="t"><tr><th>A</th><th>B</th></tr></table>', "t") == []


def test_parse_table_accepts_bytes(html):
    assert parse_table(html.encode("utf-8"), "plans") == PLANS


def test_parse_table_refuses_a_row_with_too_many_cells():
    html = '<table id="t"><tr><th>A</th><th>B</th></tr><tr><td>1</td><td colspan="2">2</td></tr></table>'

    with pytest.raises(ValueError, match="row 1 has 3 cells but the table has 2 columns"):
        parse_table(html, "t")


def test_parse_table_reports_a_missing_table(html):
    with pytest.raises(LookupError, match="no table with id 'prices'"):
        parse_table(html, "prices")


@pytest.mark.parametrize(
    ("span", "expected"),
    [("0", ["x", "y", None]), ("x", ["x", "y", None]), ("", ["x", "y", None]), (" 2 ", ["x", "x", "y"]), ("3", ["x", "x", "x"])],
    ids=["zero", "not-a-number", "empty", "spaces-around", "whole-row"],
)
def test_parse_table_reads_colspan_as_a_browser_does(span, expected):
    html = f'<table id="t"><tr><th>A</th><th>B</th><th>C</th></tr><tr><td colspan="{span}">x</td>{"<td>y</td>" if span != "3" else ""}</tr></table>'

    assert list(parse_table(html, "t")[0].values()) == expected, (
        "a colspan that is not a whole number above 0 counts as 1 (int('x') would crash, and 0 would drop the cell)"
    )


@pytest.mark.parametrize(
    "header",
    ["<th>Price</th><th>Plan</th><th>Price</th>", "<th></th><th>Plan</th><th></th>"],
    ids=["same-name-twice", "two-empty-header-cells"],
)
def test_parse_table_refuses_columns_whose_names_collide(header):
    html = f'<table id="t"><tr>{header}</tr><tr><td>1</td><td>Pro</td><td>2</td></tr></table>'

    with pytest.raises(ValueError, match="duplicate column"):
        parse_table(html, "t")
        pytest.fail("two columns with one name: dict(zip(...)) silently keeps only the last value")


def test_parse_table_reads_a_header_row_made_of_td_cells():
    html = '<table id="t"><tr><td>City</td><td>Zone</td></tr><tr><td>Oslo</td><td>CET</td></tr></table>'

    assert parse_table(html, "t") == [{"City": "Oslo", "Zone": "CET"}], "the first row names the columns, <th> or <td>"


def test_parse_table_matches_the_id_exactly():
    html = (
        '<table id="plans-archive"><tr><th>Old</th></tr><tr><td>1999</td></tr></table>'
        '<table id="q1.2024"><tr><th>Quarter</th></tr><tr><td>Q1</td></tr></table>'
    )

    assert parse_table(html, "q1.2024") == [{"Quarter": "Q1"}], "ids may contain dots: do not build a CSS selector from one"
    with pytest.raises(LookupError, match="no table with id 'plans'"):
        parse_table(html, "plans")
        pytest.fail("'plans-archive' is not 'plans': the id must be equal, not contain it")


def test_parse_table_keeps_a_nested_table_inside_its_cell():
    html = """<table id="t">
      <tr><th>Plan</th><th>Limits</th></tr>
      <tr><td>Pro</td><td><table>
        <tr><td>CPU</td> <td>4</td></tr>
        <tr><td>RAM</td> <td>8 GB</td></tr>
      </table></td></tr>
      <tr><td>Team</td><td>none</td></tr>
    </table>"""

    assert parse_table(html, "t") == [
        {"Plan": "Pro", "Limits": "CPU 4 RAM 8 GB"},
        {"Plan": "Team", "Limits": "none"},
    ], "the inner table's <tr> and <td> belong to the inner table: take only the rows whose own table is this one"


# ---------------------------------------------------------------- requests


def test_make_session_sends_the_default_headers():
    session = make_session()

    assert isinstance(session, requests.Session)
    assert session.headers["User-Agent"] == USER_AGENT
    assert session.headers["Accept"] == "text/html"
    assert "Accept-Encoding" in session.headers, (
        "update the session's headers instead of replacing them: requests' own defaults should stay"
    )


def test_fetch_table_gets_the_page_with_the_session_headers_and_a_timeout(server, html):
    server.get(URL, body=html, content_type="text/html; charset=utf-8")

    rows = fetch_table(make_session(), URL, "plans")

    assert rows == PLANS
    request = server.calls[0].request
    assert request.headers["User-Agent"] == USER_AGENT, "send the request through the session you were given"
    assert request.req_kwargs["timeout"] == TIMEOUT, "pass timeout=TIMEOUT to session.get"


def test_fetch_table_copes_with_a_server_that_sends_no_charset(server, html):
    server.get(URL, body=html.encode("utf-8"), content_type="text/html")

    rows = fetch_table(make_session(), URL, "plans")

    assert rows[1]["Monthly"] == "€9.99", (
        "without a charset in Content-Type, response.text decodes as ISO-8859-1; give BeautifulSoup "
        "response.content (bytes) and it reads <meta charset='utf-8'> itself"
    )


@pytest.mark.parametrize("status", [404, 500], ids=["not-found", "server-error"])
def test_fetch_table_raises_for_an_error_status(server, status):
    server.get(URL, status=status, body="<h1>Oops</h1>", content_type="text/html")

    with pytest.raises(requests.HTTPError, match=str(status)):
        fetch_table(make_session(), URL, "plans")


def test_fetch_table_uses_the_agreed_user_agent_and_timeouts(server, html):
    server.get(URL, body=html, content_type="text/html; charset=utf-8")

    fetch_table(make_session(), URL, "plans")

    request = server.calls[0].request
    assert request.headers["User-Agent"] == "pyroad-plans/1.0 (+https://pyroad.example.org/bot)"
    assert request.req_kwargs["timeout"] == (3.05, 10), "3.05 s to connect, 10 s to read"
