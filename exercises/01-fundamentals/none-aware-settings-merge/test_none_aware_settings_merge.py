import pytest

from none_aware_settings_merge import coalesce, display_name, merge_settings


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((None, 0, 30), 0),
        ((None, "", "x"), ""),
        ((False, True), False),
        ((0.0, 1.5), 0.0),
        ((None, None, 7), 7),
        ((5,), 5),
        ((None, None), None),
        ((), None),
    ],
    ids=["zero", "empty-string", "false", "zero-float", "skips-several-nones", "single",
         "only-nones", "no-values"],
)
def test_coalesce_returns_the_first_value_that_is_not_none(values, expected):
    result = coalesce(*values)

    assert result == expected and type(result) is type(expected), (
        f"coalesce{values} should be {expected!r}: only None is skipped, falsy values like "
        "0, '' and False are real values (`or` would skip them)"
    )


def test_coalesce_returns_the_very_object():
    empty = []

    assert coalesce(None, empty, [1]) is empty


DEFAULTS = {"timeout": 30, "retries": 3, "verbose": True, "proxy": "http://proxy:8080", "tags": ["a"]}


def test_merge_keeps_falsy_overrides():
    merged = merge_settings(DEFAULTS, {"timeout": 0, "verbose": False, "proxy": "", "tags": []})

    assert merged == {"timeout": 0, "retries": 3, "verbose": False, "proxy": "", "tags": []}, (
        "0, False, '' and [] are choices the user made: only None means 'not set'"
    )


def test_merge_ignores_none_overrides():
    assert merge_settings(DEFAULTS, {"retries": None}) == DEFAULTS, (
        "an override of None means 'not set': the default must stay"
    )


def test_merge_adds_new_keys_but_not_new_nones():
    merged = merge_settings({"timeout": 30}, {"colour": "blue", "width": 0, "height": None})

    assert merged == {"timeout": 30, "colour": "blue", "width": 0}, (
        "a key without a default is added when its value is not None, and left out when it is None"
    )


def test_merge_changes_neither_argument_and_returns_a_new_dict():
    defaults = {"timeout": 30, "retries": 3}
    overrides = {"timeout": 5, "retries": None}

    merged = merge_settings(defaults, overrides)

    assert defaults == {"timeout": 30, "retries": 3}, "the defaults dict must not be changed: copy it first"
    assert overrides == {"timeout": 5, "retries": None}
    assert merged is not defaults and merged == {"timeout": 5, "retries": 3}


def test_merge_of_nothing_is_a_copy_of_the_defaults():
    merged = merge_settings(DEFAULTS, {})

    assert merged == DEFAULTS and merged is not DEFAULTS
    assert merge_settings({}, {}) == {}


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ({"nickname": "annie", "name": "Ann Lee"}, "annie"),
        ({"nickname": "  annie \n", "name": "Ann Lee"}, "annie"),
        ({"nickname": "", "name": "Ann Lee"}, "Ann Lee"),
        ({"nickname": "   ", "name": " Ann Lee "}, "Ann Lee"),
        ({"nickname": None, "name": "Ann Lee"}, "Ann Lee"),
        ({"name": "Ann Lee"}, "Ann Lee"),
        ({"nickname": "0", "name": "Ann Lee"}, "0"),
        ({"nickname": " ", "name": "\t"}, "anonymous"),
        ({"nickname": None, "name": None}, "anonymous"),
        ({}, "anonymous"),
    ],
    ids=["nickname", "nickname-stripped", "empty-nickname", "blank-nickname", "none-nickname",
         "no-nickname-key", "nickname-zero-is-text", "both-blank", "both-none", "no-keys"],
)
def test_display_name_skips_missing_and_blank_names(user, expected):
    assert display_name(user) == expected, (
        f"display_name({user!r}) should be {expected!r}: skip a missing or blank name, and "
        "strip the whitespace around the one you return"
    )
