from itertools import islice

import pytest
import requests
import responses
from responses import matchers

from link_header_problem_details import ProblemError, iter_pages, parse_link_header, raise_for_problem

BASE = "https://api.example.com/v1/items?page=1"


# ---------------------------------------------------------------- parse_link_header


def test_parse_link_header_reads_every_relation():
    value = '<https://api.example.com/v1/items?page=2>; rel="next", <https://api.example.com/v1/items?page=9>; rel="last"'

    assert parse_link_header(value, BASE) == {
        "next": "https://api.example.com/v1/items?page=2",
        "last": "https://api.example.com/v1/items?page=9",
    }


def test_commas_and_semicolons_inside_urls_and_quotes_are_not_separators():
    value = (
        '<https://api.example.com/items?ids=1,2;3&page=2>; rel="next", '
        '<https://api.example.com/items?page=9>; title="last page, 9; the end"; rel="last"'
    )

    assert parse_link_header(value, BASE) == {
        "next": "https://api.example.com/items?ids=1,2;3&page=2",
        "last": "https://api.example.com/items?page=9",
    }, "split on the structure (<URI> then ; params), not on every comma: response.links and value.split(',') get this wrong"


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("/items?page=2", "https://api.example.com/items?page=2"),
        ("?page=2", "https://api.example.com/v1/items?page=2"),
        ("2", "https://api.example.com/v1/2"),
        ("//cdn.example.com/items?page=2", "https://cdn.example.com/items?page=2"),
    ],
    ids=["root-relative", "query-only", "path-relative", "scheme-relative"],
)
def test_relative_links_are_resolved_against_the_base_url(uri, expected):
    assert parse_link_header(f"<{uri}>; rel=next", BASE) == {"next": expected}, "urljoin(base_url, uri)"


@pytest.mark.parametrize(
    "value",
    ['<p2>; rel="next last"', "<p2>; REL=next; rel=last", '<p2> ; Rel = "Next"', "<p2>;rel=next"],
    ids=["two-relations-in-one", "upper-case-name-first-rel-counts", "spaces-and-case", "no-spaces"],
)
def test_rel_is_read_in_every_spelling(value):
    links = parse_link_header(value, BASE)

    assert links.get("next") == "https://api.example.com/v1/p2", f"{value!r} has rel next"
    if "last" in value and "REL=next" not in value:
        assert links.get("last") == "https://api.example.com/v1/p2", 'rel="next last" is two relation types: both get the link'


def test_only_the_first_rel_parameter_of_a_link_counts():
    assert parse_link_header("<p2>; REL=next; rel=last", BASE) == {"next": "https://api.example.com/v1/p2"}


def test_other_parameters_are_not_rel():
    assert parse_link_header('<p1>; title="rel=next", <p2>; rel=next', BASE) == {"next": "https://api.example.com/v1/p2"}, (
        'title="rel=next" is a title: read the rel PARAMETER, do not search the text'
    )


def test_the_first_link_of_a_relation_wins():
    assert parse_link_header("<p2>; rel=next, <p3>; rel=next", BASE) == {"next": "https://api.example.com/v1/p2"}


@pytest.mark.parametrize(
    "value", ["", "<p2>", '<p2>; title="no rel here"', "<p2>; rel", '<p2>; rel=""'],
    ids=["empty", "no-params", "no-rel", "rel-without-value", "rel-empty"],
)
def test_links_without_rel_are_left_out(value):
    assert parse_link_header(value, BASE) == {}


# ---------------------------------------------------------------- raise_for_problem


@pytest.fixture
def server():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def fetch(server, status, body=None, content_type="application/problem+json", **kwargs):
    kwargs = {"json": body} if body is not None and not isinstance(body, str) else {"body": body or ""}
    server.get("https://api.example.com/thing", status=status, content_type=content_type, **kwargs)
    return requests.get("https://api.example.com/thing", timeout=10)


OUT_OF_CREDIT = {
    "type": "https://example.com/probs/out-of-credit",
    "title": "You do not have enough credit.",
    "status": 403,
    "detail": "Your balance is 30, but that costs 50.",
    "instance": "/account/12345/msgs/abc",
    "balance": 30,
    "accounts": ["/account/12345", "/account/67890"],
}


@pytest.mark.parametrize("status", [200, 201, 302, 399], ids=["ok", "created", "found", "just-below-400"])
def test_a_success_raises_nothing(server, status):
    assert raise_for_problem(fetch(server, status, OUT_OF_CREDIT)) is None


@pytest.mark.parametrize("status", [400, 401, 599], ids=["just-400", "unauthorized", "unknown-5xx"])
def test_every_status_from_400_is_a_problem(server, status):
    with pytest.raises(ProblemError) as excinfo:
        raise_for_problem(fetch(server, status, "oops", content_type="text/plain"))
        pytest.fail(f"{status} is an error: everything from 400 up")
    assert excinfo.value.status == status


def test_a_status_without_a_reason_phrase_is_titled_error(server):
    with pytest.raises(ProblemError) as excinfo:
        raise_for_problem(fetch(server, 599, "oops", content_type="text/plain"))
    assert excinfo.value.title == "Error"
    with pytest.raises(ProblemError) as excinfo:
        raise_for_problem(fetch(server, 599, {"detail": "no title"}))
    assert excinfo.value.title == "Error"


def test_a_problem_document_is_read(server):
    with pytest.raises(ProblemError) as excinfo:
        raise_for_problem(fetch(server, 403, OUT_OF_CREDIT))

    error = excinfo.value
    assert (error.status, error.type, error.title, error.detail) == (
        403,
        "https://example.com/probs/out-of-credit",
        "You do not have enough credit.",
        "Your balance is 30, but that costs 50.",
    )
    assert error.extensions == {"balance": 30, "accounts": ["/account/12345", "/account/67890"]}, (
        "extensions are the members other than type, title, status, detail and instance"
    )
    assert str(error) == "403 You do not have enough credit.: Your balance is 30, but that costs 50."


@pytest.mark.parametrize(
    "content_type",
    ["application/problem+json; charset=utf-8", "Application/Problem+JSON"],
    ids=["with-charset", "any-case"],
)
def test_the_media_type_is_compared_without_parameters_or_case(server, content_type):
    with pytest.raises(ProblemError) as excinfo:
        raise_for_problem(fetch(server, 409, {"title": "Conflict on order 7"}, content_type=content_type))
    assert excinfo.value.title == "Conflict on order 7"


def test_missing_members_get_their_defaults(server):
    with pytest.raises(ProblemError) as excinfo:
        raise_for_problem(fetch(server, 404, {"status": 500}))

    error = excinfo.value
    assert (error.status, error.type, error.title, error.detail, error.extensions) == (404, "about:blank", "Not Found", None, {}), (
        "type defaults to about:blank, title to the reason phrase, and status is the HTTP status whatever the body says"
    )
    assert str(error) == "404 Not Found"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("<html>Bad gateway</html>", "text/html"),
        ({"title": "looks like a problem"}, "application/json"),
        ("not json", "application/problem+json"),
        (["a", "list"], "application/problem+json"),
    ],
    ids=["html", "plain-json", "problem-type-not-json", "problem-type-not-an-object"],
)
def test_anything_else_is_a_plain_problem(server, body, content_type):
    with pytest.raises(ProblemError) as excinfo:
        raise_for_problem(fetch(server, 502, body, content_type=content_type))

    error = excinfo.value
    assert (error.status, error.type, error.title, error.detail, error.extensions) == (502, "about:blank", "Bad Gateway", None, {})


# ---------------------------------------------------------------- iter_pages


ITEMS = "https://api.example.com/v1/items"
FIRST = [matchers.query_param_matcher({})]


def test_iter_pages_follows_the_link_header(server):
    server.get(ITEMS, json=[1, 2], headers={"Link": '<?page=2>; rel="next", <?page=3>; rel="last"'}, match=FIRST)
    server.get(f"{ITEMS}?page=2", json=[3], headers={"Link": '</v1/items?page=3>; rel="next", <?page=1>; rel="first"'})
    server.get(f"{ITEMS}?page=3", json=[4], headers={"Link": '<?page=1>; rel="first"'})

    try:
        pages = list(iter_pages(requests.Session(), ITEMS, timeout=5))
    except requests.RequestException as exc:
        pytest.fail(f"a relative next link must be resolved with parse_link_header(..., response.url) ({exc})")
    assert pages == [[1, 2], [3], [4]]
    assert [call.request.req_kwargs["timeout"] for call in server.calls] == [5, 5, 5], "pass timeout= to every GET"


def test_iter_pages_waits_ten_seconds_by_default(server):
    server.get(ITEMS, json=[1])

    list(iter_pages(requests.Session(), ITEMS))
    assert server.calls[0].request.req_kwargs["timeout"] == 10


def test_iter_pages_is_lazy(server):
    server.get(ITEMS, json=[1], headers={"Link": '<?page=2>; rel="next"'}, match=FIRST)
    server.get(f"{ITEMS}?page=2", json=[2])

    pages = iter_pages(requests.Session(), ITEMS)
    assert len(server.calls) == 0, "make it a generator: nothing is fetched before the first page is asked for"
    assert next(pages) == [1]
    assert len(server.calls) == 1


def test_iter_pages_raises_the_problem_of_a_page(server):
    server.get(ITEMS, json=[1], headers={"Link": '<?page=2>; rel="next"'}, match=FIRST)
    server.get(f"{ITEMS}?page=2", status=429, json={"title": "Slow down", "detail": "60 requests an hour"}, content_type="application/problem+json")

    pages = iter_pages(requests.Session(), ITEMS)
    assert next(pages) == [1]
    with pytest.raises(ProblemError, match="429 Slow down: 60 requests an hour"):
        next(pages)


def test_iter_pages_stops_a_loop(server):
    server.get(ITEMS, json=[1], headers={"Link": '<?page=2>; rel="next"'}, match=FIRST)
    server.get(f"{ITEMS}?page=2", json=[2], headers={"Link": f'<{ITEMS}>; rel="next"'})

    with pytest.raises(RuntimeError, match=f"pagination loop at {ITEMS}"):
        list(islice(iter_pages(requests.Session(), ITEMS), 10))
    assert len(server.calls) == 2


def test_iter_pages_resolves_next_against_the_page_it_came_from(server):
    server.get(ITEMS, json=[1], headers={"Link": '<archive/2>; rel="next"'}, match=FIRST)
    server.get("https://api.example.com/v1/archive/2", json=[2], headers={"Link": '<3>; rel="next"'})
    server.get("https://api.example.com/v1/archive/3", json=[3])

    why = "'3' on .../v1/archive/2 is .../v1/archive/3: resolve against response.url, not the first URL"
    try:
        pages = list(iter_pages(requests.Session(), ITEMS))
    except requests.RequestException as exc:
        pytest.fail(f"{why} ({exc})")
    assert pages == [[1], [2], [3]], why
