import inspect

import pytest

from flexible_url_builder import build_url


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("example.com",), "https://example.com/"),
        (("example.com", "api"), "https://example.com/api"),
        (("example.com", "api", "users", "42"), "https://example.com/api/users/42"),
        (("example.com", "/api/", "//users/"), "https://example.com/api/users"),
        (("example.com", "api", "", "/", "users"), "https://example.com/api/users"),
        (("example.com", "café", "menü"), "https://example.com/café/menü"),
        (("example.com", "Xmas", "sizes", "XL"), "https://example.com/Xmas/sizes/XL"),
        (("example.com", "api/v2/", "users"), "https://example.com/api/v2/users"),
    ],
    ids=["host-only", "one-segment", "three-segments", "slashes-stripped", "empty-segments-skipped", "unicode-segments",
         "only-slashes-are-stripped", "slash-inside-a-segment-stays"],
)
def test_extra_positional_arguments_become_the_path(args, expected):
    assert build_url(*args) == expected


def test_keyword_arguments_become_query_parameters_in_the_order_given():
    url = build_url("example.com", "api", "users", page=2, sort="name")

    assert url == "https://example.com/api/users?page=2&sort=name"


def test_query_parameters_with_value_none_are_left_out():
    url = build_url("example.com", "search", q="python", lang=None, limit=10)

    assert url == "https://example.com/search?q=python&limit=10"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"page": 0}, "https://example.com/list?page=0"),
        ({"debug": False}, "https://example.com/list?debug=False"),
        ({"q": ""}, "https://example.com/list?q="),
        ({"tags": []}, "https://example.com/list?tags=[]"),
    ],
    ids=["zero", "false", "empty-string", "empty-list"],
)
def test_only_none_leaves_a_query_parameter_out(query, expected):
    assert build_url("example.com", "list", **query) == expected, (
        "only None means 'leave it out': 0, False and '' are real values. "
        "Test `value is not None`, not the truthiness of the value"
    )


def test_no_question_mark_when_every_query_value_is_none():
    assert build_url("example.com", "search", lang=None) == "https://example.com/search"


def test_scheme_and_port_are_options_given_by_keyword():
    assert build_url("localhost", "health", scheme="http", port=8080) == "http://localhost:8080/health"


def test_a_positional_http_is_a_path_segment_not_the_scheme():
    assert build_url("example.com", "http") == "https://example.com/http", (
        "'http' passed positionally must land in the path: scheme may only be given by keyword"
    )


def test_scheme_and_port_are_keyword_only_parameters_with_defaults():
    params = inspect.signature(build_url).parameters

    for name, default in [("scheme", "https"), ("port", None)]:
        assert name in params, f"build_url needs a parameter called {name!r}"
        assert params[name].kind is inspect.Parameter.KEYWORD_ONLY, (
            f"{name!r} must be keyword-only: put it after *segments in the signature"
        )
        assert params[name].default == default, f"{name!r} should default to {default!r}"


def test_options_are_not_mistaken_for_query_parameters():
    url = build_url("example.com", scheme="http", port=80, debug=True)

    assert url == "http://example.com:80/?debug=True"


def test_empty_host_is_rejected():
    with pytest.raises(ValueError, match="host must not be empty"):
        build_url("", "api")


@pytest.mark.parametrize("scheme", ["ftp", "HTTPS", ""], ids=["ftp", "upper-case", "empty"])
def test_unknown_scheme_is_rejected(scheme):
    with pytest.raises(ValueError, match=r"scheme must be 'http' or 'https', got"):
        build_url("example.com", scheme=scheme)
