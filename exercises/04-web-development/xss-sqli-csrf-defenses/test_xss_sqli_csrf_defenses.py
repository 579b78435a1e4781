import sqlite3
from html.parser import HTMLParser

import pytest

from xss_sqli_csrf_defenses import check_csrf, csrf_token, find_user, list_users, render_comment

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "' onmouseover='alert(1)",
    "</li><iframe src=//evil.test>",
]
XSS_IDS = ["script-tag", "img-onerror", "break-out-of-attribute", "single-quote-attribute", "close-the-list-item"]


class TagCollector(HTMLParser):
    """Parses HTML like a browser would and records every tag, attribute and text."""

    def __init__(self):
        super().__init__()
        self.tags, self.attributes, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def parse(page):
    collector = TagCollector()
    collector.feed(page)
    collector.close()
    return collector


def test_render_comment_escapes_markup_in_the_text():
    assert render_comment("Zoë", "<b>hi</b>") == '<li class="comment"><b>Zoë</b>: &lt;b&gt;hi&lt;/b&gt;</li>'


def test_render_comment_escapes_ampersands_and_keeps_unicode():
    assert render_comment("Tom & Jerry", "café 👋") == '<li class="comment"><b>Tom &amp; Jerry</b>: café 👋</li>'


@pytest.mark.parametrize("payload", XSS_PAYLOADS, ids=XSS_IDS)
def test_an_attack_in_the_text_stays_text(payload):
    page = parse(render_comment("mallory", payload))
    assert page.tags == ["li", "b"], f"the payload became real HTML tags: {page.tags}"
    assert "".join(page.text) == f"mallory: {payload}", "the visitor should see exactly what was typed"


@pytest.mark.parametrize("payload", XSS_PAYLOADS, ids=XSS_IDS)
def test_an_attack_in_the_author_name_stays_text(payload):
    page = parse(render_comment(payload, "nice post"))
    assert page.tags == ["li", "b"], f"the payload became real HTML tags: {page.tags}"


def test_render_comment_links_the_author_to_a_safe_website():
    html_out = render_comment("Zoë", "hi", website="https://zoe.example/blog")
    assert html_out == '<li class="comment"><a href="https://zoe.example/blog" rel="nofollow">Zoë</a>: hi</li>'


def test_the_scheme_check_ignores_case_as_browsers_do():
    html_out = render_comment("Zoë", "hi", website="HTTPS://Zoe.Example/")
    assert html_out == '<li class="comment"><a href="HTTPS://Zoe.Example/" rel="nofollow">Zoë</a>: hi</li>', (
        "HTTPS://... is an https link: compare the lower-cased scheme, not the start of the string"
    )


@pytest.mark.parametrize(
    "website",
    ['https://zoe.example/" onmouseover="alert(1)', "http://zoe.example/?a=1&b=<script>"],
    ids=["quote-breaks-out-of-href", "ampersand-and-tag"],
)
def test_a_website_cannot_break_out_of_the_href_attribute(website):
    page = parse(render_comment("zoe", "hi", website=website))
    assert page.tags == ["li", "a"]
    names = [name for name, _ in page.attributes]
    assert names == ["class", "href", "rel"], f"the URL added attributes of its own: {names}"
    assert dict(page.attributes)["href"] == website, "the browser should see the URL unchanged"


@pytest.mark.parametrize(
    "website",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "  javascript:alert(1)",
        "java\tscript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.test",
        "",
    ],
    ids=["javascript", "mixed-case", "leading-spaces", "tab-inside-the-scheme", "vbscript", "data-url", "no-scheme", "empty"],
)
def test_render_comment_refuses_links_that_are_not_http(website):
    with pytest.raises(ValueError, match="http or https"):
        render_comment("mallory", "hi", website=website)


@pytest.fixture
def conn():
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, email TEXT NOT NULL)")
    connection.executemany(
        "INSERT INTO users (id, username, email) VALUES (?, ?, ?)",
        [(1, "carol", "carol@example.com"), (2, "alice", "alice@example.com"), (3, "o'brien", "ob@example.com")],
    )
    yield connection
    connection.close()


def test_find_user_returns_the_matching_row(conn):
    assert find_user(conn, "alice") == (2, "alice", "alice@example.com")


def test_find_user_handles_an_apostrophe_in_a_real_name(conn):
    assert find_user(conn, "o'brien") == (3, "o'brien", "ob@example.com")


def test_find_user_returns_none_for_an_unknown_name(conn):
    assert find_user(conn, "mallory") is None


@pytest.mark.parametrize(
    "attack",
    [
        "' OR '1'='1",
        "alice' --",
        "' UNION SELECT 1, name, sql FROM sqlite_master --",
        "x'; DROP TABLE users; --",
    ],
    ids=["always-true", "comment-out-the-rest", "union-leaks-the-schema", "drop-table"],
)
def test_find_user_treats_injection_attempts_as_plain_names(conn, attack):
    assert find_user(conn, attack) is None, "the input was run as SQL: pass it as a ? parameter"
    assert conn.execute("SELECT count(*) FROM users").fetchone() == (3,), "the users table was damaged"


@pytest.mark.parametrize(
    ("column", "first_name"), [("id", "carol"), ("username", "alice"), ("email", "alice")], ids=["id", "username", "email"]
)
def test_list_users_sorts_by_an_allowed_column(conn, column, first_name):
    rows = list_users(conn, column)
    assert len(rows) == 3
    assert rows[0][1] == first_name


@pytest.mark.parametrize(
    "order_by",
    ["username; DROP TABLE users", "(SELECT sql FROM sqlite_master)", "password", "", "name", "id, (SELECT sql FROM sqlite_master)"],
    ids=["second-statement", "subquery", "unknown-column", "empty", "part-of-a-column-name", "allowed-column-plus-a-subquery"],
)
def test_list_users_refuses_columns_outside_the_allow_list(conn, order_by):
    with pytest.raises(ValueError, match="cannot order by"):
        list_users(conn, order_by)


SECRET = b"server-secret"


def test_csrf_token_is_the_hex_hmac_of_the_session_id():
    assert csrf_token("session-42", SECRET) == "261ad83a9e62086ea0e046be92427ff65324e8898994b32007ca714b9b74a289"


def test_check_csrf_accepts_the_token_of_this_session():
    assert check_csrf("session-42", csrf_token("session-42", SECRET), SECRET) is None


@pytest.mark.parametrize(
    "submitted",
    [
        None,
        "",
        "0" * 64,
        "6665d79cf2552f7e11425d4e4ef454c4619f88ad18ad5652359d785750b50399",  # the token of session-43
        "214511d878ae98a6a7b91344217781b25976fc2dd5ffa2be8b940c2d4b909e1f",  # session-42 with a guessed secret
        "é" * 64,
    ],
    ids=["missing", "empty", "made-up", "other-session", "wrong-secret", "non-ascii"],
)
def test_check_csrf_rejects_a_forged_form(submitted):
    with pytest.raises(PermissionError, match="CSRF token missing or invalid"):
        check_csrf("session-42", submitted, SECRET)


class WatchedToken(str):
    """A submitted token that notices `==` and `!=`, which stop at the first differing character.

    hmac.compare_digest (however you import it, or as secrets.compare_digest) reads the characters
    without calling these methods, so it goes unnoticed; so does compare_digest on .encode()d bytes.
    """

    compared = []

    def __eq__(self, other):
        WatchedToken.compared.append("==")
        return str.__eq__(self, other)

    def __ne__(self, other):
        WatchedToken.compared.append("!=")
        return str.__ne__(self, other)

    __hash__ = str.__hash__

    def encode(self, *args, **kwargs):
        return WatchedBytes(str.encode(self, *args, **kwargs))


class WatchedBytes(bytes):
    def __eq__(self, other):
        WatchedToken.compared.append("==")
        return bytes.__eq__(self, other)

    def __ne__(self, other):
        WatchedToken.compared.append("!=")
        return bytes.__ne__(self, other)

    __hash__ = bytes.__hash__


@pytest.mark.parametrize(
    "submitted",
    ["261ad83a9e62086ea0e046be92427ff65324e8898994b32007ca714b9b74a289", "261ad83a9e62086ea0e046be92427ff65324e8898994b32007ca714b9b74a280"],
    ids=["right-token", "last-character-wrong"],
)
def test_check_csrf_compares_in_constant_time_not_with_equals(monkeypatch, submitted):
    monkeypatch.setattr(WatchedToken, "compared", [])
    try:
        check_csrf("session-42", WatchedToken(submitted), SECRET)
    except PermissionError:
        pass
    assert WatchedToken.compared == [], (
        f"the token was compared with {WatchedToken.compared[0]}: == stops at the first wrong character, so an "
        "attacker can time it and guess the token one character at a time. Use hmac.compare_digest (on bytes)"
    )
