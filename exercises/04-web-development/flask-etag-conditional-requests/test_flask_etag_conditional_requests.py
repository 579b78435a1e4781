import hashlib
import json

import pytest

from flask_etag_conditional_requests import create_app, etag_of

GUIDE = {"title": "Guide", "body": "Read me ✓"}


def expected_tag(doc):
    canonical = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


@pytest.fixture
def docs():
    return {1: dict(GUIDE), 2: {"title": "Notes", "body": ""}}


@pytest.fixture
def client(docs):
    app = create_app(docs)
    app.testing = True
    return app.test_client()


def tag_header(doc):
    return f'"{expected_tag(doc)}"'


# --- the ETag --------------------------------------------------------------------------------

def test_etag_of_hashes_the_canonical_json():
    assert etag_of(GUIDE) == expected_tag(GUIDE)
    assert len(etag_of(GUIDE)) == 16


def test_etag_of_ignores_key_order_and_sees_every_change():
    assert etag_of({"body": "b", "title": "t"}) == etag_of({"title": "t", "body": "b"}), (
        "equal documents need equal tags whatever their key order: json.dumps(..., sort_keys=True)"
    )
    assert etag_of({"title": "t", "body": "b"}) != etag_of({"title": "t", "body": "B"})
    assert etag_of({"title": "a b", "body": ""}) != etag_of({"title": "a", "body": " b"})


def test_etag_of_keeps_unicode_as_utf8():
    assert etag_of({"title": "é"}) == hashlib.sha256('{"title":"é"}'.encode()).hexdigest()[:16], (
        "ensure_ascii=False: hash the text as UTF-8, not as \\u00e9 escapes"
    )


def test_get_sends_the_document_with_a_quoted_etag(client):
    response = client.get("/docs/1")
    assert response.status_code == 200
    assert response.get_json() == GUIDE
    assert response.headers["ETag"] == tag_header(GUIDE), 'an ETag header value is quoted: "abc...", not abc...'
    assert response.headers["Cache-Control"] == "no-cache", "no-cache: caches may keep it but must revalidate"


def test_an_unknown_document_is_404(client):
    for method in ("get", "put", "delete"):
        response = getattr(client, method)("/docs/9", headers={"If-Match": "*"}, json={"title": "t", "body": "b"})
        assert response.status_code == 404, f"{method.upper()} /docs/9"
        assert response.get_json() == {"error": "document 9 not found"}


# --- If-None-Match: cheap re-reads -------------------------------------------------------------

@pytest.mark.parametrize(
    "header",
    [lambda t: t, lambda t: f"W/{t}", lambda t: f'"other", {t}', lambda t: "*"],
    ids=["same-tag", "weak-form-of-the-tag", "in-a-list", "star"],
)
def test_a_matching_if_none_match_gets_304_without_a_body(client, header):
    tag = tag_header(GUIDE)
    response = client.get("/docs/1", headers={"If-None-Match": header(tag)})
    assert response.status_code == 304, (
        "If-None-Match uses the WEAK comparison and may hold a list or *: parse it "
        "(request.if_none_match.contains_weak) instead of comparing the header string"
    )
    assert response.data == b"", "a 304 Not Modified has no body: the client reuses its copy"
    assert response.headers["ETag"] == tag, "a 304 still says which version the client has"
    assert response.headers.get("Cache-Control") == "no-cache", "a 304 repeats the caching headers of the 200"


@pytest.mark.parametrize("header", ['"0000000000000000"', "", '"other", "more"'], ids=["old-tag", "empty", "list"])
def test_a_different_if_none_match_gets_the_document(client, header):
    response = client.get("/docs/1", headers={"If-None-Match": header})
    assert response.status_code == 200 and response.get_json() == GUIDE


# --- If-Match: no lost updates ------------------------------------------------------------------

def test_put_with_the_current_etag_replaces_the_document(client, docs):
    new = {"title": "Guide v2", "body": "Updated"}
    response = client.put("/docs/1", json=new, headers={"If-Match": tag_header(GUIDE)})
    assert response.status_code == 200
    assert response.get_json() == new
    assert response.headers["ETag"] == tag_header(new), "answer with the NEW version's ETag"
    assert docs[1] == new


def test_the_second_of_two_writers_is_refused(client, docs):
    """Ann and Bob both read version 1; Ann saves first; Bob's save would erase Ann's work."""
    tag = client.get("/docs/1").headers["ETag"]
    ann = client.put("/docs/1", json={"title": "Ann's", "body": "a"}, headers={"If-Match": tag})
    bob = client.put("/docs/1", json={"title": "Bob's", "body": "b"}, headers={"If-Match": tag})
    assert ann.status_code == 200
    assert bob.status_code == 412, "Bob's If-Match names a version that is gone: 412 Precondition Failed"
    assert bob.get_json() == {"error": "document changed since you read it"}
    assert docs[1] == {"title": "Ann's", "body": "a"}, "the lost update happened: Bob overwrote Ann"


@pytest.mark.parametrize("method", ["put", "delete"])
def test_writes_without_if_match_are_428(client, docs, method):
    response = getattr(client, method)("/docs/1", json={"title": "t", "body": "b"})
    assert response.status_code == 428, "a write without If-Match could erase someone's work: 428 Precondition Required"
    assert response.get_json() == {"error": "If-Match header required"}
    assert docs[1] == GUIDE


@pytest.mark.parametrize(
    ("header", "status"),
    [(lambda t: t, 200), (lambda t: f'"old", {t}', 200), (lambda t: "*", 200), (lambda t: f"W/{t}", 412),
     (lambda t: '"0000000000000000"', 412)],
    ids=["same", "in-a-list", "star", "weak-tag", "old-tag"],
)
def test_if_match_uses_the_strong_comparison(client, header, status):
    response = client.put("/docs/1", json={"title": "t", "body": "b"}, headers={"If-Match": header(tag_header(GUIDE))})
    assert response.status_code == status, (
        "If-Match matches a listed strong tag or *; a weak W/ tag never matches (request.if_match.contains)"
    )


def test_delete_with_the_current_etag(client, docs):
    assert client.delete("/docs/1", headers={"If-Match": '"0000000000000000"'}).status_code == 412
    assert 1 in docs
    response = client.delete("/docs/1", headers={"If-Match": tag_header(GUIDE)})
    assert response.status_code == 204 and response.data == b""
    assert 1 not in docs and client.get("/docs/1").status_code == 404


@pytest.mark.parametrize(
    "body",
    [{"title": "t"}, {"title": "t", "body": "b", "extra": 1}, {"title": 1, "body": "b"}, {"title": "t", "body": None},
     ["t", "b"], "not json"],
    ids=["missing-body", "extra-field", "title-not-a-string", "body-null", "json-list", "not-json"],
)
def test_put_with_a_bad_body_is_422_and_changes_nothing(client, docs, body):
    kwargs = {"data": body} if body == "not json" else {"json": body}
    response = client.put("/docs/1", headers={"If-Match": tag_header(GUIDE)}, **kwargs)
    assert response.status_code == 422
    assert response.get_json() == {"error": 'body must be {"title": str, "body": str}'}
    assert docs[1] == GUIDE


def test_put_stores_only_the_two_fields(client, docs):
    client.put("/docs/2", json={"body": "x", "title": "y"}, headers={"If-Match": tag_header(docs[2])})
    assert list(docs[2].items()) == [("title", "y"), ("body", "x")]


def test_an_empty_document_store_by_default():
    app = create_app()
    assert app.test_client().get("/docs/1").status_code == 404
