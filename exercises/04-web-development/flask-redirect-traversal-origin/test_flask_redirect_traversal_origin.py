import os

import pytest

from flask_redirect_traversal_origin import (
    SECURITY_HEADERS, create_app, resolve_download, safe_next, same_origin,
)

ORIGIN = "https://shop.example"


# --- open redirects ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "target",
    ["/", "/account", "/search?q=a//b&page=2", "/orders/7#items", "/caf%C3%A9", "/a/b/../c", "/search?q=two words",
     "/café/ünïcode", "/?next=https://elsewhere.example"],
    ids=["root", "page", "query-with-slashes", "fragment", "encoded-unicode", "dots-in-path", "space",
         "unicode", "url-in-the-query"],
)
def test_a_path_on_this_site_is_kept(target):
    assert safe_next(target) == target


@pytest.mark.parametrize(
    "target",
    [
        None,
        "",
        "https://evil.example/login",
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "\\/evil.example",
        "/\t/evil.example",
        " //evil.example",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "evil.example",
        "https:/evil.example",
        "/ok\r\nSet-Cookie: sid=stolen",
        "/ok\x7f",
        "/ok\x1f",
        "/ok\x00",
        f"{ORIGIN}/account",
    ],
    ids=["none", "empty", "other-site", "scheme-relative", "three-slashes", "slash-backslash", "two-backslashes",
         "backslash-slash", "tab-between-slashes", "leading-space", "javascript", "javascript-mixed-case",
         "no-leading-slash", "scheme-with-one-slash", "header-injection", "delete-char", "unit-separator-char", "nul-char", "absolute-url-even-our-own"],
)
def test_anything_else_goes_home(target):
    assert safe_next(target) == "/", (
        f"{target!r} must become '/': browsers read // and \\ as 'another host', drop tabs and newlines from "
        "URLs and run javascript: links; accept only a path that starts with exactly one '/' and has no "
        "backslash or control character"
    )


@pytest.mark.parametrize(("query", "location"), [("?next=/account", "/account"), ("?next=//evil.example", "/"),
                                                  ("", "/")], ids=["safe", "unsafe", "missing"])
def test_continue_redirects_with_303_to_the_safe_target(query, location):
    response = create_app(os.getcwd(), ORIGIN).test_client().get("/continue" + query)
    assert response.status_code == 303
    assert response.headers["Location"] == location


# --- path traversal ---------------------------------------------------------------------

@pytest.fixture
def root(tmp_path):
    files = tmp_path / "files"
    (files / "docs").mkdir(parents=True)
    (files / "a.txt").write_text("A")
    (files / "docs" / "guide.txt").write_text("guide")
    (files / "docs" / "naïve café.txt").write_text("unicode")
    (tmp_path / "secret.txt").write_text("TOP SECRET")
    (tmp_path / "files-private").mkdir()
    (tmp_path / "files-private" / "keys.txt").write_text("KEYS")
    return files


@pytest.mark.parametrize(
    ("name", "relative"),
    [("a.txt", "a.txt"), ("docs/guide.txt", "docs/guide.txt"), ("docs/../a.txt", "a.txt"),
     ("./docs/guide.txt", "docs/guide.txt"), ("docs/naïve café.txt", "docs/naïve café.txt")],
    ids=["file", "subfolder", "dots-that-stay-inside", "dot-slash", "unicode-name"],
)
def test_files_inside_the_root_are_found(root, name, relative):
    assert resolve_download(root, name) == (root / relative).resolve()


@pytest.mark.parametrize(
    "name",
    ["../secret.txt", "docs/../../secret.txt", "../files-private/keys.txt", "missing.txt", "docs", "", "a.txt\x00.png"],
    ids=["parent", "parent-through-subfolder", "sibling-with-the-same-prefix", "missing", "a-folder", "empty",
         "nul-byte"],
)
def test_nothing_outside_the_root_or_not_a_file_is_served(root, name):
    assert resolve_download(root, name) is None, (
        f"{name!r} must not be served: resolve the path, then check it is inside the root with "
        "Path.is_relative_to (a string prefix test lets /files-private through for /files) and that it is a file"
    )


def test_an_absolute_name_is_refused(root, tmp_path):
    assert resolve_download(root, str(tmp_path / "secret.txt")) is None, "root / '/abs/path' IS '/abs/path'"


def test_a_symlink_pointing_out_of_the_root_is_refused(root, tmp_path):
    try:
        os.symlink(tmp_path / "secret.txt", root / "innocent.txt")
    except (OSError, NotImplementedError):
        pytest.skip("this system cannot make symlinks")
    assert resolve_download(root, "innocent.txt") is None, (
        "a link inside the root may point outside it: check the RESOLVED path (Path.resolve follows links), "
        "not os.path.normpath of the name"
    )


def test_a_relative_root_works_from_any_working_folder(root, monkeypatch):
    monkeypatch.chdir(root.parent)
    assert resolve_download(root.relative_to(root.parent), "a.txt") == (root / "a.txt").resolve()
    assert resolve_download(root.relative_to(root.parent), "../secret.txt") is None


@pytest.mark.parametrize(("url", "status"), [("/files/docs/guide.txt", 200), ("/files/../secret.txt", 404),
                                              ("/files/%2e%2e/secret.txt", 404)],
                         ids=["inside", "dot-dot", "encoded-dot-dot"])
def test_the_download_route_serves_only_the_root(root, url, status):
    response = create_app(root, ORIGIN).test_client().get(url)
    assert response.status_code == status
    assert b"SECRET" not in response.data
    response.close()


# --- cross-site requests (CSRF) by origin --------------------------------------------------

@pytest.mark.parametrize(
    ("headers", "ok"),
    [
        ({"Origin": ORIGIN}, True),
        ({"Referer": ORIGIN + "/cart?step=2"}, True),
        ({"Origin": ORIGIN, "Referer": "https://evil.example/"}, True),
        ({"Origin": "https://evil.example"}, False),
        ({"Origin": ORIGIN + ".evil.example"}, False),
        ({"Origin": "http://shop.example"}, False),
        ({"Origin": ORIGIN + ":8443"}, False),
        ({"Origin": "null"}, False),
        ({"Origin": "https://evil.example", "Referer": ORIGIN + "/"}, False),
        ({"Referer": "https://shop.example.evil.example/"}, False),
        ({"Referer": "https://evil.example/?from=" + ORIGIN}, False),
        ({}, False),
    ],
    ids=["same-origin", "referer-only", "origin-wins-over-referer", "other-site", "our-name-as-a-prefix",
         "http-not-https", "other-port", "null-origin", "other-origin-same-referer", "referer-prefix",
         "our-origin-in-the-query", "no-headers"],
)
def test_same_origin_compares_the_whole_origin(headers, ok):
    assert same_origin(headers, ORIGIN) is ok, (
        "compare scheme://host[:port] for EQUALITY: startswith or 'in' lets https://shop.example.evil.example in; "
        "use Origin when present, else the Referer's scheme and host; neither means refuse"
    )


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_unsafe_requests_from_another_site_are_403(root, method):
    client = create_app(root, ORIGIN).test_client()
    response = getattr(client, method)("/comments", headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert response.get_json() == {"error": "cross-site request refused"}


def test_a_same_site_post_goes_through(root):
    client = create_app(root, ORIGIN).test_client()
    response = client.post("/comments", headers={"Origin": ORIGIN})
    assert response.status_code == 201
    assert response.get_json() == {"ok": True}


def test_get_requests_need_no_origin(root):
    client = create_app(root, ORIGIN).test_client()
    assert client.get("/continue", headers={"Origin": "https://evil.example"}).status_code == 303, (
        "only unsafe methods (POST, PUT, PATCH, DELETE) change things: links from other sites must keep working"
    )


# --- security headers -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("method", "url", "headers"),
    [("get", "/continue", {}), ("get", "/files/a.txt", {}), ("get", "/nowhere", {}),
     ("post", "/comments", {"Origin": "https://evil.example"}), ("post", "/comments", {"Origin": ORIGIN})],
    ids=["redirect", "file", "404", "refused-403", "created-201"],
)
def test_every_response_carries_the_security_headers(root, method, url, headers):
    response = getattr(create_app(root, ORIGIN).test_client(), method)(url, headers=headers)
    missing = {name: value for name, value in SECURITY_HEADERS.items() if response.headers.get(name) != value}
    assert not missing, f"{method.upper()} {url} ({response.status_code}) lacks {missing}: add them in @app.after_request"
    response.close()


def test_a_view_may_set_its_own_content_security_policy(root):
    response = create_app(root, ORIGIN).test_client().get("/embed")
    assert response.headers["Content-Security-Policy"] == "frame-ancestors https://partner.example", (
        "keep a header the view set itself: response.headers.setdefault(name, value)"
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.data == b"<p>embeddable</p>"
    assert response.headers.getlist("Content-Security-Policy") == ["frame-ancestors https://partner.example"]


def test_the_headers_are_the_strict_ones():
    assert SECURITY_HEADERS == {
        "Content-Security-Policy": "default-src 'self'; object-src 'none'; frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    }, "SECURITY_HEADERS was given: keep it as it is"
