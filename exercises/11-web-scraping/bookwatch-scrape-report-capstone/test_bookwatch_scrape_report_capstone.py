import email
import smtplib
import socketserver
import threading
import time
from decimal import Decimal
from email import policy

import pytest
from openpyxl import load_workbook
from scrapy import Request
from scrapy.http import HtmlResponse

from bookwatch.clean import Deal, clean_deals, parse_price
from bookwatch.mailer import XLSX, build_report_email, send_report
from bookwatch.schedule import run_every
from bookwatch.sheet import HEADERS, PRICE_FORMAT, safe_text, write_report
from bookwatch.spider import DealsSpider
from bookwatch_scrape_report_capstone import run_report

SITE = "https://deals.example/offers/"


def offers_page(offers, next_href=None):
    rows = "\n".join(
        f'<li class="offer" data-sku="{sku}"><a class="title" href="{href}">  {title}  </a>'
        f'<span class="price"> {price} </span></li>'
        for sku, title, href, price in offers
    )
    nxt = f'<a rel="next" href="{next_href}">Next</a>' if next_href else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<nav><a href="/about.html">About</a></nav>
<ul class="offers">{rows}</ul>
<aside><ul><li class="sponsor"><a class="title" href="https://ads.example/">Buy now</a></li></ul></aside>
{nxt}</body></html>"""


PAGES = {
    SITE + "page-1.html": offers_page(
        [("B1", "Dune", "../books/dune.html", "£12.99"),
         ("B2", "=HYPERLINK(\"https://evil.example\",\"click\")", "../books/evil.html", "£1.00"),
         ("B3", "Émile", "/books/emile.html", "£1,250.00")],
        next_href="page-2.html",
    ),
    SITE + "page-2.html": offers_page(
        [("B1", "Dune", "../books/dune.html", "£9.99"),
         ("B4", "Broken", "../books/broken.html", "call us"),
         ("B5", "Emma", "../books/emma.html", "£9.99")],
        next_href="page-3.html",
    ),
    SITE + "page-3.html": offers_page([("B6", "Ulysses", "../books/ulysses.html", "£20.00")], next_href="page-4.html"),
    SITE + "page-4.html": offers_page([("B7", "Too far", "../books/far.html", "£1.00")]),
}


# --- a tiny SMTP server on loopback, started by the tests -------------------------


class SMTPHandler(socketserver.StreamRequestHandler):
    def handle(self):
        envelope = {"from": None, "to": []}
        self.wfile.write(b"220 localhost test SMTP\r\n")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("ascii", "replace").strip()
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self.wfile.write(b"250 localhost\r\n")
            elif verb == "MAIL":
                envelope = {"from": command.split(":", 1)[1].strip(), "to": []}
                self.wfile.write(b"250 OK\r\n")
            elif verb == "RCPT":
                envelope["to"].append(command.split(":", 1)[1].strip())
                self.wfile.write(b"250 OK\r\n")
            elif verb == "DATA":
                self.wfile.write(b"354 end with <CR><LF>.<CR><LF>\r\n")
                data = []
                for raw in iter(self.rfile.readline, b""):
                    if raw in (b".\r\n", b".\n"):
                        break
                    data.append(raw[1:] if raw.startswith(b"..") else raw)
                self.server.messages.append((envelope["from"], envelope["to"], b"".join(data)))
                self.wfile.write(b"250 queued\r\n")
            elif verb in ("RSET", "NOOP"):
                self.wfile.write(b"250 OK\r\n")
            elif verb == "QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"500 unknown command\r\n")


@pytest.fixture
def smtp_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), SMTPHandler)
    server.daemon_threads = True
    server.messages = []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def parsed(raw):
    return email.message_from_bytes(raw, policy=policy.default)


# --- spider.py --------------------------------------------------------------------


def responses_of(url, html):
    return HtmlResponse(url=url, body=html, encoding="utf-8")


def test_the_spider_is_polite_and_named():
    assert DealsSpider.name == "bookwatch"
    assert DealsSpider.allowed_domains == ["deals.example"]
    settings = DealsSpider.custom_settings or {}
    assert settings.get("ROBOTSTXT_OBEY") is True, "obey robots.txt: ROBOTSTXT_OBEY = True"
    assert settings.get("DOWNLOAD_DELAY") == 2.0, "DOWNLOAD_DELAY = 2.0 between requests"
    assert settings.get("USER_AGENT", "").startswith("bookwatch/"), "a USER_AGENT naming the bot"


def test_the_spider_yields_raw_offers_then_the_next_page():
    url = SITE + "page-1.html"
    results = list(DealsSpider().parse(responses_of(url, PAGES[url])))
    items = [r for r in results if not isinstance(r, Request)]
    requests = [r for r in results if isinstance(r, Request)]
    assert items[0] == {"sku": "B1", "title": "Dune", "price": "£12.99", "url": "https://deals.example/books/dune.html"}, (
        "strip the text, resolve the href against the page (response.urljoin)"
    )
    assert [i["sku"] for i in items] == ["B1", "B2", "B3"], "only li.offer elements: not the sponsor in the aside"
    assert len(requests) == 1 and requests[0].url == SITE + "page-2.html"
    assert requests[0].cb_kwargs == {"page": 2} and requests[-1] is results[-1]


@pytest.mark.parametrize("max_pages, page, follows", [(3, 2, True), (3, 3, False), ("1", 1, False)],
                         ids=["below the limit", "at the limit", "max_pages as text"])
def test_the_spider_stops_at_max_pages(max_pages, page, follows):
    url = SITE + "page-1.html"
    results = list(DealsSpider(max_pages=max_pages).parse(responses_of(url, PAGES[url]), page=page))
    assert any(isinstance(r, Request) for r in results) is follows


def test_the_spider_crawls_three_pages_by_default_and_keeps_other_arguments():
    spider = DealsSpider(category="poetry")
    assert spider.max_pages == 3
    assert getattr(spider, "category", None) == "poetry", "pass **kwargs on to super().__init__()"


def test_the_spider_refuses_max_pages_below_one():
    with pytest.raises(ValueError, match="max_pages must be at least 1"):
        DealsSpider(max_pages="0")


def test_an_offer_without_fields_gives_empty_strings():
    html = '<ul><li class="offer"></li></ul>'
    items = list(DealsSpider().parse(responses_of(SITE + "page-9.html", html)))
    assert items == [{"sku": None, "title": "", "price": "", "url": SITE + "page-9.html"}], (
        "missing sku: None; missing text: ''; a missing href resolves to the page itself"
    )


# --- clean.py ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [("£12.99", Decimal("12.99")), ("£1,250.00", Decimal("1250.00")), ("£0", Decimal("0")),
     ("12.99", None), ("$5", None), ("£", None), ("£NaN", None), ("£-1", None), ("£Infinity", None), ("", None)],
    ids=["plain", "comma", "zero", "no £", "dollars", "just £", "NaN", "negative", "infinity", "empty"],
)
def test_parse_price(text, expected):
    assert parse_price(text) == expected


def test_clean_deals_keeps_the_lowest_price_per_sku_and_sorts():
    items = [
        {"sku": "B1", "title": "Dune", "price": "£12.99", "url": "u1"},
        {"sku": "B5", "title": "Emma", "price": "£9.99", "url": "u5"},
        {"sku": "B1", "title": "Dune", "price": "£9.99", "url": "u1b"},
        {"sku": "B0", "title": "Emma", "price": "£9.99", "url": "u0"},
        {"sku": "B9", "title": "Atlas", "price": "£9.99", "url": "u9"},
    ]
    deals = clean_deals(items)
    assert [(d.sku, d.price) for d in deals] == [
        ("B9", Decimal("9.99")), ("B1", Decimal("9.99")), ("B0", Decimal("9.99")), ("B5", Decimal("9.99"))
    ], "one deal per sku at its lowest price, sorted by price, then title, then sku"
    assert deals[1] == Deal("B1", "Dune", Decimal("9.99"), "u1b")


def test_clean_deals_keeps_the_first_offer_on_a_tie():
    items = [{"sku": "B1", "title": "Dune", "price": "£5", "url": "first"},
             {"sku": "B1", "title": "Dune", "price": "£5.00", "url": "second"}]
    assert clean_deals(items)[0].url == "first", "replace a kept deal only for a strictly lower price"


@pytest.mark.parametrize(
    "item",
    [{"sku": None, "title": "T", "price": "£1", "url": "u"}, {"sku": "S", "title": "", "price": "£1", "url": "u"},
     {"sku": "S", "title": "T", "price": "free", "url": "u"}, {"sku": "S", "title": "T", "url": "u"}],
    ids=["no sku", "no title", "bad price", "no price field"],
)
def test_clean_deals_skips_broken_offers(item):
    assert clean_deals([item]) == []


def test_a_free_book_is_a_deal():
    assert clean_deals([{"sku": "S", "title": "T", "price": "£0.00", "url": "u"}])[0].price == 0


# --- sheet.py ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [("=1+2", "'=1+2"), ("+44 20", "'+44 20"), ("-3", "'-3"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=x", "'\t=x"),
     ("\r=x", "'\r=x"), ("Dune", "Dune"), ("X-ray", "X-ray"), ("a=b", "a=b"), ("", ""), ("É=mc²", "É=mc²")],
    ids=["equals", "plus", "minus", "at", "tab", "carriage return", "plain", "X", "= inside", "empty", "unicode"],
)
def test_safe_text_defuses_formulas(value, expected):
    assert safe_text(value) == expected


@pytest.fixture
def deals():
    return [Deal("B5", "Emma", Decimal("9.99"), "https://deals.example/books/emma.html"),
            Deal("B2", '=HYPERLINK("https://evil.example","click")', Decimal("1250.5"), "https://deals.example/b2"),
            Deal("-B3", "Émile", Decimal("0"), "https://deals.example/books/emile.html")]


def test_the_report_is_a_real_workbook(tmp_path, deals):
    path = write_report(deals, tmp_path / "deals.xlsx")
    assert path == tmp_path / "deals.xlsx" and path.exists()
    sheet = load_workbook(path).active
    assert sheet.title == "Deals"
    assert [c.value for c in sheet[1]] == HEADERS == ["SKU", "Title", "Price", "URL"]
    assert all(c.font.bold for c in sheet[1]), "make the header row bold"
    assert sheet.freeze_panes == "A2", "freeze the header row: freeze_panes = 'A2'"
    assert sheet.max_row == 4
    assert [c.value for c in sheet[2]] == ["B5", "Emma", 9.99, "https://deals.example/books/emma.html"]


def test_prices_are_numbers_with_a_pound_format(tmp_path, deals):
    sheet = load_workbook(write_report(deals, tmp_path / "d.xlsx")).active
    for row in (2, 3, 4):
        cell = sheet.cell(row=row, column=3)
        assert cell.data_type == "n", "store the price as a number, not as text: people sum this column"
        assert cell.number_format == PRICE_FORMAT == "£#,##0.00"
    assert sheet.cell(row=4, column=3).value == 0, "a price of 0 is a value"


def test_scraped_text_can_not_become_a_formula(tmp_path, deals):
    sheet = load_workbook(write_report(deals, tmp_path / "d.xlsx")).active
    title = sheet.cell(row=3, column=2)
    assert title.data_type == "s" and title.value == "'=HYPERLINK(\"https://evil.example\",\"click\")", (
        "a scraped title that starts with = becomes a live formula in Excel (CSV/Excel injection): "
        "write safe_text(title)"
    )
    assert sheet.cell(row=4, column=1).value == "'-B3", "every text cell goes through safe_text, the SKU too"


def test_an_empty_report_has_just_the_header(tmp_path):
    sheet = load_workbook(write_report([], tmp_path / "d.xlsx")).active
    assert sheet.max_row == 1 and [c.value for c in sheet[1]] == HEADERS


# --- mailer.py --------------------------------------------------------------------


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "deals.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    return path


def test_the_email_has_headers_a_body_and_the_attachment(report):
    message = build_report_email(sender="bot@example.org", recipient="ops@example.org",
                                 category="Science fiction", deal_count=3, attachment=report)
    assert message["From"] == "bot@example.org" and message["To"] == "ops@example.org"
    assert message["Subject"] == "bookwatch: 3 deals in Science fiction"
    assert "3 deals in Science fiction" in message.get_body(("plain",)).get_content()
    [part] = list(message.iter_attachments())
    assert part.get_filename() == "deals.xlsx"
    assert part.get_content_type() == f"application/{XLSX}"
    assert part.get_content() == report.read_bytes(), "attach the file's bytes"


@pytest.mark.parametrize(
    "field, value",
    [("category", "Fantasy\r\nBcc: thief@evil.example"), ("recipient", "ops@example.org\nBcc: thief@evil.example"),
     ("sender", "bot@example.org\rX-Spam: yes")],
    ids=["subject", "recipient", "sender"],
)
def test_header_injection_is_refused(report, field, value):
    fields = {"sender": "bot@example.org", "recipient": "ops@example.org", "category": "Poetry"}
    fields[field] = value
    with pytest.raises(ValueError):
        build_report_email(deal_count=1, attachment=report, **fields)


def test_the_report_is_sent_to_the_smtp_server(smtp_server, report, monkeypatch):
    timeouts = []
    original = smtplib.SMTP.__init__

    def spy(self, host="", port=0, local_hostname=None, timeout=object(), **kwargs):
        timeouts.append(timeout)
        original(self, host, port, local_hostname, timeout, **kwargs)

    monkeypatch.setattr(smtplib.SMTP, "__init__", spy)
    message = build_report_email(sender="bot@example.org", recipient="ops@example.org",
                                 category="Poésie", deal_count=0, attachment=report)
    host, port = smtp_server.server_address
    send_report(message, host, port)
    assert len(smtp_server.messages) == 1, "one message, sent with smtplib.SMTP(host, port).send_message()"
    sender, recipients, raw = smtp_server.messages[0]
    assert sender == "<bot@example.org>" and recipients == ["<ops@example.org>"]
    received = parsed(raw)
    assert received["Subject"] == "bookwatch: 0 deals in Poésie"
    assert [p.get_filename() for p in received.iter_attachments()] == ["deals.xlsx"]
    assert timeouts == [10.0], "connect with smtplib.SMTP(host, port, timeout=timeout): 10 s by default"


# --- schedule.py ------------------------------------------------------------------


class FakeClock:
    def __init__(self, start=500.0):
        self.now = start

    def time(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


@pytest.fixture
def no_real_sleep(monkeypatch):
    def refuse(seconds):
        raise AssertionError("schedule with the injected clock, never time.sleep()")

    monkeypatch.setattr(time, "sleep", refuse)


@pytest.mark.parametrize(
    "job_seconds, starts",
    [(3, [500, 510, 520]), (0, [500, 510, 520]), (15, [500, 515, 530])],
    ids=["a 3 s job keeps the rate", "an instant job", "an overrunning job runs late, never twice at once"],
)
def test_run_every_runs_at_a_fixed_rate(no_real_sleep, job_seconds, starts):
    clock = FakeClock()
    calls = []

    def job():
        calls.append(clock.time())
        clock.now += job_seconds

    assert run_every(job, interval=10, runs=3, clock=clock) == starts, (
        "schedule run k at start + k * interval (sched.enterabs): sleeping `interval` after each job drifts"
    )
    assert calls == starts


def test_run_every_zero_runs_does_nothing(no_real_sleep):
    clock = FakeClock()
    assert run_every(lambda: 1 / 0, interval=5, runs=0, clock=clock) == [] and clock.now == 500


def test_run_every_accepts_a_short_interval(no_real_sleep):
    clock = FakeClock()
    assert run_every(lambda: None, interval=0.5, runs=2, clock=clock) == [500, 500.5]


@pytest.mark.parametrize("interval, runs, message", [(0, 1, "interval must be positive"), (-1, 1, "interval must be positive"),
                                                     (5, -1, "runs must not be negative")], ids=["zero interval", "negative interval", "negative runs"])
def test_run_every_refuses_bad_arguments(interval, runs, message):
    with pytest.raises(ValueError, match=message):
        run_every(lambda: None, interval=interval, runs=runs, clock=FakeClock())


# --- the whole pipeline -----------------------------------------------------------


def test_the_pipeline_scrapes_cleans_writes_and_mails(tmp_path, smtp_server):
    host, port = smtp_server.server_address
    summary = run_report(PAGES, workdir=tmp_path, smtp_host=host, smtp_port=port, sender="bot@example.org",
                         recipient="ops@example.org", category="Books")
    assert summary["scraped"] == 7, "pages 1 to 3 (max_pages=3): page 4 is never fetched"
    assert summary["deals"] == 5 and summary["missing"] == []
    assert summary["report"] == tmp_path / "deals.xlsx"
    sheet = load_workbook(summary["report"]).active
    assert [sheet.cell(row=r, column=1).value for r in range(2, 7)] == ["B2", "B1", "B5", "B6", "B3"]
    assert sheet.cell(row=2, column=2).value.startswith("'="), "the injected title is defused"
    [(_, recipients, raw)] = smtp_server.messages
    assert parsed(raw)["Subject"] == "bookwatch: 5 deals in Books"


def test_the_pipeline_reports_missing_pages_and_respects_max_pages(tmp_path, smtp_server):
    host, port = smtp_server.server_address
    pages = {k: v for k, v in PAGES.items() if not k.endswith("page-2.html")}
    summary = run_report(pages, workdir=tmp_path, smtp_host=host, smtp_port=port, sender="bot@example.org",
                         recipient="ops@example.org", category="Books", max_pages=5)
    assert summary["missing"] == [SITE + "page-2.html"] and summary["scraped"] == 3


def test_the_pipeline_passes_max_pages_on(tmp_path, smtp_server):
    host, port = smtp_server.server_address
    summary = run_report(PAGES, workdir=tmp_path, smtp_host=host, smtp_port=port, sender="bot@example.org",
                         recipient="ops@example.org", category="Books", max_pages=1)
    assert summary["scraped"] == 3 and summary["deals"] == 3
