import re

import pytest

from email_address_value_object import EmailAddress


class EqualToEverything:
    """A stand-in for another type that knows how to compare itself with anything."""

    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


@pytest.mark.parametrize(
    ("text", "local", "domain"),
    [
        ("ann@example.com", "ann", "example.com"),
        ("  Ann.Lee@Example.COM \n", "Ann.Lee", "example.com"),
        ("Zoë+news@Bücher.DE", "Zoë+news", "bücher.de"),
    ],
    ids=["plain", "whitespace-and-upper-case-domain", "unicode-and-plus"],
)
def test_local_part_is_kept_and_domain_is_lower_cased(text, local, domain):
    address = EmailAddress(text)

    assert (address.local, address.domain) == (local, domain), (
        "keep the local part exactly as written; only the domain is lower-cased"
    )


@pytest.mark.parametrize(
    "text",
    ["ann.example.com", "ann@@example.com", "a@b@example.com", "@example.com", "ann@",
     "ann lee@example.com", "ann@exa mple.com", "", "   "],
    ids=["no-at", "double-at", "two-ats", "no-local-part", "no-domain",
         "space-in-local", "space-in-domain", "empty", "only-spaces"],
)
def test_text_that_is_not_an_address_is_refused(text):
    with pytest.raises(ValueError, match=f"^{re.escape(f'not an email address: {text!r}')}$"):
        EmailAddress(text)


def test_str_and_repr_show_the_normalised_address():
    address = EmailAddress(" Ann@Example.COM ")

    assert str(address) == "Ann@example.com"
    assert repr(address) == "EmailAddress('Ann@example.com')"
    assert eval(repr(address)) == address, "eval(repr(a)) should rebuild an equal address"


def test_addresses_differing_only_in_domain_case_are_equal():
    assert EmailAddress("Ann@Example.COM") == EmailAddress("Ann@example.com")
    assert not (EmailAddress("Ann@Example.COM") != EmailAddress("Ann@example.com"))


@pytest.mark.parametrize(
    ("left", "right"),
    [("Ann@example.com", "ann@example.com"), ("ann@example.com", "ann@example.org"),
     ("ann@example.com", "anna@example.com")],
    ids=["local-part-case-matters", "other-domain", "other-local-part"],
)
def test_different_addresses_are_not_equal(left, right):
    assert EmailAddress(left) != EmailAddress(right), (
        f"{left} and {right} are different mailboxes: only the domain ignores case"
    )


def test_an_address_can_be_hashed():
    try:
        hash(EmailAddress("ann@example.com"))
    except TypeError:
        pytest.fail("a class that defines __eq__ gets __hash__ = None and cannot go in a set "
                    "or be a dict key: define __hash__ as well")


def test_equal_addresses_count_once_in_a_set():
    addresses = {EmailAddress("Ann@Example.COM"), EmailAddress("Ann@example.com"),
                 EmailAddress(" Ann@EXAMPLE.com")}

    assert len(addresses) == 1, (
        "equal objects must have equal hashes: hash the same normalised parts that __eq__ compares"
    )


def test_an_address_works_as_a_dict_key_under_another_spelling():
    unsubscribed = {EmailAddress("Ann@Example.COM"): "2024-05-01"}

    assert unsubscribed.get(EmailAddress("Ann@example.com")) == "2024-05-01"
    assert EmailAddress("ann@example.com") not in unsubscribed


def test_different_addresses_count_separately_in_a_set():
    addresses = {EmailAddress("ann@example.com"), EmailAddress("Ann@example.com"),
                 EmailAddress("ann@example.org")}

    assert len(addresses) == 3


@pytest.mark.parametrize("other", ["Ann@example.com", 42, None], ids=["str", "int", "none"])
def test_an_address_never_equals_another_type(other):
    address = EmailAddress("Ann@example.com")

    assert (address == other) is False, "an EmailAddress is not equal to a str or a number"
    assert address != other


def test_eq_lets_the_other_object_decide_for_other_types():
    assert EmailAddress("ann@example.com") == EqualToEverything(), (
        "for a type you do not know, __eq__ must return NotImplemented (not False) so Python "
        "asks the other object"
    )


@pytest.mark.parametrize("attribute", ["local", "domain"])
def test_local_and_domain_are_read_only(attribute):
    address = EmailAddress("ann@example.com")

    with pytest.raises(AttributeError):
        setattr(address, attribute, "changed")

    assert str(address) == "ann@example.com", (
        "a value used as a set member or dict key must not change: make local and domain "
        "properties without a setter"
    )
