import re

import pytest

from port_mapping_parser import parse_mapping, parse_mappings, parse_port


@pytest.mark.parametrize(
    ("text", "expected"),
    [("80", 80), ("1", 1), ("65535", 65535), (" 443\n", 443)],
    ids=["http", "lowest", "highest", "surrounding-whitespace"],
)
def test_parse_port_reads_valid_ports(text, expected):
    assert parse_port(text) == expected


@pytest.mark.parametrize(
    "text",
    ["http", "", "8o", "80.5"],
    ids=["word", "empty", "letter-o-for-zero", "decimal"],
)
def test_parse_port_explains_text_that_is_not_a_number(text):
    message = f"port must be a whole number, got {text!r}"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        parse_port(text)


def test_parse_port_keeps_the_original_error_as_the_cause():
    with pytest.raises(ValueError) as excinfo:
        parse_port("http")

    cause = excinfo.value.__cause__
    assert isinstance(cause, ValueError), (
        "raise your error with `raise ValueError(...) from err` so the int() error is kept as __cause__"
    )
    assert "invalid literal" in str(cause)


@pytest.mark.parametrize(
    ("text", "number"),
    [("0", 0), ("65536", 65536), ("-1", -1), ("100000", 100000), (" 70000\n", 70000)],
    ids=["zero", "one-too-high", "negative", "far-too-high", "number-shown-without-whitespace"],
)
def test_parse_port_rejects_numbers_outside_the_valid_range(text, number):
    with pytest.raises(ValueError, match=f"^port must be between 1 and 65535, got {number}$"):
        parse_port(text)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [("8080:80", (8080, 80)), ("5432:5432", (5432, 5432)), (" 3000 : 3000 ", (3000, 3000))],
    ids=["different-ports", "same-port", "spaces-around-ports"],
)
def test_parse_mapping_returns_host_and_container_port(spec, expected):
    assert parse_mapping(spec) == expected


@pytest.mark.parametrize(
    "spec",
    ["8080", "", "1:2:3", "8080-80"],
    ids=["no-colon", "empty", "two-colons", "dash-instead-of-colon"],
)
def test_parse_mapping_requires_exactly_one_colon(spec):
    message = f"expected HOST:CONTAINER, got {spec!r}"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        parse_mapping(spec)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("abc:80", "port must be a whole number, got 'abc'"),
        ("8080:", "port must be a whole number, got ''"),
        ("8080:70000", "port must be between 1 and 65535, got 70000"),
    ],
    ids=["bad-host-port", "missing-container-port", "container-port-too-high"],
)
def test_parse_mapping_passes_port_errors_through(spec, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        parse_mapping(spec)


def test_parse_mappings_collects_every_error_and_keeps_going():
    mappings, errors = parse_mappings(["8080:80", "abc:80", "5432:5432", "22", "1:0"])

    assert mappings == [(8080, 80), (5432, 5432)], "the good specs must still be parsed, in order"
    assert errors == [
        "#2 'abc:80': port must be a whole number, got 'abc'",
        "#4 '22': expected HOST:CONTAINER, got '22'",
        "#5 '1:0': port must be between 1 and 65535, got 0",
    ]


def test_parse_mappings_of_an_empty_list_finds_nothing():
    assert parse_mappings([]) == ([], [])


def test_parse_mappings_with_only_good_specs_has_no_errors():
    specs = [f"{port}:{port}" for port in range(1000, 2000)]

    mappings, errors = parse_mappings(specs)

    assert errors == []
    assert len(mappings) == 1000
    assert mappings[0] == (1000, 1000)


@pytest.mark.parametrize("bad_spec", [8080, None, ("80", "80")], ids=["int", "none", "tuple"])
def test_parse_mappings_lets_errors_other_than_value_error_through(bad_spec):
    with pytest.raises((TypeError, AttributeError)):
        parse_mappings(["8080:80", bad_spec])
    # A spec that is not a str is a bug in the calling code, not a bad line of input:
    # `except ValueError` reports bad input, a bare `except` or `except Exception` would hide the bug.
