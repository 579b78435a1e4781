from datetime import datetime, timedelta, timezone

import pytest

from access_log_parse_redact import SECRET_PARAMS, parse_access_line, redact_secrets

# The example line from the Apache HTTP Server documentation ("Common Log Format").
APACHE_EXAMPLE = '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326'


def test_parses_the_apache_documentation_example():
    assert parse_access_line(APACHE_EXAMPLE) == {
        "host": "127.0.0.1",
        "user": "frank",
        "time": datetime(2000, 10, 10, 13, 55, 36, tzinfo=timezone(timedelta(hours=-7))),
        "method": "GET",
        "path": "/apache_pb.gif",
        "protocol": "HTTP/1.0",
        "status": 200,
        "size": 2326,
    }


def test_dash_means_no_user_and_no_body():
    entry = parse_access_line('192.0.2.1 - - [01/May/2024:12:00:03 +0000] "HEAD / HTTP/1.1" 304 -')
    assert entry["user"] is None, "a '-' user means nobody logged in: return None"
    assert entry["size"] == 0, "a '-' size means no body was sent: return 0"
    assert entry["status"] == 304


def test_numbers_are_ints_and_time_is_timezone_aware():
    entry = parse_access_line(APACHE_EXAMPLE)
    assert type(entry["status"]) is int and type(entry["size"]) is int
    assert isinstance(entry["time"], datetime), "convert the time with datetime.strptime"
    assert entry["time"].utcoffset() == timedelta(hours=-7), "keep the -0700 offset (%z)"


@pytest.mark.parametrize(
    ("line", "key", "expected"),
    [
        ('2001:db8::1 - - [01/May/2024:12:00:03 +0000] "GET / HTTP/2.0" 200 512', "host", "2001:db8::1"),
        ('proxy.example.com - - [01/May/2024:12:00:03 +0000] "GET / HTTP/1.1" 200 5', "host", "proxy.example.com"),
        ('10.0.0.7 - zoë [01/May/2024:12:00:03 +0200] "GET /caf%C3%A9 HTTP/1.1" 200 5', "user", "zoë"),
        ('10.0.0.7 - - [01/May/2024:12:00:03 +0000] "POST /api/v1/items?page=2 HTTP/1.1" 201 87', "path", "/api/v1/items?page=2"),
        ('10.0.0.7 - - [01/May/2024:12:00:03 +0000] "DELETE /items/9 HTTP/1.1" 404 0', "method", "DELETE"),
        ('10.0.0.7 - - [01/May/2024:12:00:03 +0000] "GET / HTTP/1.1" 200 1073741824', "size", 1073741824),
        (APACHE_EXAMPLE + "\n", "path", "/apache_pb.gif"),
        ("  " + APACHE_EXAMPLE + "\r\n", "size", 2326),
    ],
    ids=["ipv6-host", "host-name", "unicode-user", "query-string", "delete", "large-size", "trailing-newline",
         "whitespace-on-both-sides"],
)
def test_parses_fields_of_varied_lines(line, key, expected):
    assert parse_access_line(line)[key] == expected


@pytest.mark.parametrize(
    "line",
    [
        "",
        "hello world",
        '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200',
        '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 20 2326',
        '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif" 200 2326',
        APACHE_EXAMPLE + ' "Mozilla/5.0"',
        '127.0.0.1 - frank 10/Oct/2000:13:55:36 -0700 "GET /apache_pb.gif HTTP/1.0" 200 2326',
        "junk " + APACHE_EXAMPLE,
        '127.0.0.1 - frank [32/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326',
        '127.0.0.1 - frank [10/Okt/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326',
        '127.0.0.1 - frank [10/Oct/2000:13:55:36] "GET /apache_pb.gif HTTP/1.0" 200 2326',
    ],
    ids=[
        "empty",
        "not-a-log-line",
        "missing-size",
        "two-digit-status",
        "no-protocol",
        "trailing-junk",
        "time-without-brackets",
        "leading-junk",
        "day-32",
        "month-name-not-english",
        "time-without-offset",
    ],
)
def test_rejects_lines_that_are_not_common_log_format(line):
    with pytest.raises(ValueError, match="^not a Common Log Format line: "):
        parse_access_line(line)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"GET /login?user=ada&password=hunter2 HTTP/1.1"',
            '"GET /login?user=ada&password=*** HTTP/1.1"',
        ),
        (
            "/api?token=abc123&page=2&api_key=sk_live_9f3a",
            "/api?token=***&page=2&api_key=***",
        ),
        ("/login?Password=hunter2", "/login?Password=***"),
        ("/login?password=", "/login?password=***"),
        ("/docs?page=2#token=abc", "/docs?page=2#token=abc"),
        ("/login?password=p%C3%A4ss#top", "/login?password=***#top"),
        ("/api?token=a&token=b", "/api?token=***&token=***"),
        ("/api?token=c2VjcmV0==&page=2", "/api?token=***&page=2"),
        ("/api?api_key=sk-live.9f3a/x+y~z&page=2", "/api?api_key=***&page=2"),
        ("/login?password=a;b,c!d", "/login?password=***"),
    ],
    ids=[
        "password-in-log-line",
        "several-secrets",
        "name-keeps-its-case",
        "empty-value",
        "fragment-is-not-a-parameter",
        "value-ends-at-hash",
        "same-name-twice",
        "equals-signs-inside-the-value",
        "punctuation-inside-the-value",
        "more-punctuation-inside-the-value",
    ],
)
def test_redacts_secret_query_values(text, expected):
    assert redact_secrets(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "/index.html",
        "/search?q=token&tokenizer=bpe&my_password=x",
        "/reset/password=1",
        "nothing to see here: token=abc",
    ],
    ids=[
        "empty",
        "no-query-string",
        "similar-names",
        "not-after-question-mark-or-ampersand",
        "plain-text",
    ],
)
def test_leaves_everything_else_untouched(text):
    assert redact_secrets(text) == text, "only ?name= or &name= with a secret name is redacted"


def test_redacts_a_whole_log_line_and_it_still_parses():
    line = '10.0.0.7 - ada [01/May/2024:12:00:03 +0000] "GET /api?api_key=sk_live_9f3a HTTP/1.1" 200 5'
    entry = parse_access_line(redact_secrets(line))
    assert entry["path"] == "/api?api_key=***"


def test_secret_names_are_matched_as_text_not_as_patterns():
    text = "/app?apiXkey=1&api.key=2"
    assert redact_secrets(text, frozenset({"api.key"})) == "/app?apiXkey=1&api.key=***", (
        "'.' in a secret name is a dot, not 'any character': compare the names, "
        "or re.escape() them before putting them into a pattern"
    )


def test_uses_the_secret_names_it_is_given():
    text = "/app?session=42&password=hunter2"
    assert redact_secrets(text, frozenset({"session"})) == "/app?session=***&password=hunter2"
    assert "password" in SECRET_PARAMS
