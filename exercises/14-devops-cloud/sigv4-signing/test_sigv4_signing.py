"""Expected values are the worked examples published in the AWS documentation."""
import re

import pytest

from sigv4_signing import authorization_header, sign, signing_key, string_to_sign

SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

# The canonical request of AWS's IAM ListUsers example (GET https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08).
CANONICAL_REQUEST = "\n".join(
    [
        "GET",
        "/",
        "Action=ListUsers&Version=2010-05-08",
        "content-type:application/x-www-form-urlencoded; charset=utf-8",
        "host:iam.amazonaws.com",
        "x-amz-date:20150830T123600Z",
        "",
        "content-type;host;x-amz-date",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    ]
)
EXPECTED_SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"


def test_signing_key_matches_the_aws_documented_example():
    key = signing_key(SECRET, "20120215", "us-east-1", "iam")
    assert isinstance(key, bytes), "the signing key is raw bytes; only the final signature is hex"
    assert key.hex() == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"


@pytest.mark.parametrize(
    ("date", "region", "service"),
    [("20120216", "us-east-1", "iam"), ("20120215", "eu-west-1", "iam"), ("20120215", "us-east-1", "s3")],
    ids=["next-day", "other-region", "other-service"],
)
def test_signing_key_is_scoped_to_date_region_and_service(date, region, service):
    documented = signing_key(SECRET, "20120215", "us-east-1", "iam")
    assert signing_key(SECRET, date, region, service) != documented


def test_string_to_sign_has_the_four_documented_lines():
    expected = (
        "AWS4-HMAC-SHA256\n"
        "20150830T123600Z\n"
        "20150830/us-east-1/iam/aws4_request\n"
        "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59"
    )
    assert string_to_sign("20150830T123600Z", "us-east-1", "iam", CANONICAL_REQUEST) == expected


def test_sign_reproduces_the_aws_example_signature():
    assert sign(SECRET, "20150830T123600Z", "us-east-1", "iam", CANONICAL_REQUEST) == EXPECTED_SIGNATURE


def test_sign_changes_when_the_request_changes():
    tampered = CANONICAL_REQUEST.replace("ListUsers", "DeleteUser")
    assert sign(SECRET, "20150830T123600Z", "us-east-1", "iam", tampered) != EXPECTED_SIGNATURE


def test_authorization_header_matches_the_aws_example():
    header = authorization_header(
        "AKIDEXAMPLE",
        SECRET,
        "20150830T123600Z",
        "us-east-1",
        "iam",
        CANONICAL_REQUEST,
        "content-type;host;x-amz-date",
    )
    assert header == (
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
        "SignedHeaders=content-type;host;x-amz-date, "
        f"Signature={EXPECTED_SIGNATURE}"
    )


def test_string_to_sign_uses_the_given_region_and_service_in_the_scope():
    lines = string_to_sign("20240101T000000Z", "eu-west-1", "s3", "GET\n/").split("\n")
    assert lines[2] == "20240101/eu-west-1/s3/aws4_request", "the scope is date/region/service/aws4_request"


def test_string_to_sign_hashes_a_unicode_request_as_utf_8():
    request = "GET\n/caf\u00e9/zo\u00eb\n"
    last_line = string_to_sign("20150830T123600Z", "us-east-1", "iam", request).split("\n")[-1]
    assert last_line == "324f8e83f2c585a188ea764f2f606a9eee51a24a43ab959a448c996d97799a1c"


WHY = {
    "one-digit-too-many": "the whole value must match: re.match() ignores what follows the match, use re.fullmatch()",
    "junk-after-the-z": "the whole value must match: re.match() ignores what follows the match, use re.fullmatch()",
    "trailing-newline": "'$' also matches before a final newline: use re.fullmatch()",
    "leading-space": "nothing may come before the date",
    "fullwidth-digits": r"only ASCII 0-9 are digits here: \d and str.isdigit() also accept digits of other scripts",
}


def assert_rejected(call, match, case):
    """Like pytest.raises(ValueError, match=...), but says why the value is malformed."""
    try:
        call()
    except ValueError as error:
        assert re.search(match, str(error)), f"the ValueError should mention {match}, got {error}"
    else:
        pytest.fail(f"accepted a malformed value ({case}): {WHY.get(case, 'it must raise ValueError')}")


BAD_DATES = {
    "dashes": "2012-02-15",
    "too-short": "201202",
    "letter": "2012021a",
    "empty": "",
    "one-digit-too-many": "201202150",
    "trailing-newline": "20120215\n",
    "leading-space": " 20120215",
    "fullwidth-digits": "\uff12\uff10\uff11\uff12\uff10\uff12\uff11\uff15",
}


@pytest.mark.parametrize("case", list(BAD_DATES))
def test_signing_key_rejects_a_malformed_date(case):
    assert_rejected(lambda: signing_key(SECRET, BAD_DATES[case], "us-east-1", "iam"), "YYYYMMDD", case)


BAD_AMZ_DATES = {
    "date-only": "20150830",
    "iso-with-dashes": "2015-08-30T12:36:00Z",
    "missing-z": "20150830T123600",
    "lowercase": "20150830t123600z",
    "junk-after-the-z": "20150830T123600Zjunk",
    "trailing-newline": "20150830T123600Z\n",
    "fullwidth-digits": "\uff12\uff10\uff11\uff15\uff10\uff18\uff13\uff10T123600Z",
}


@pytest.mark.parametrize("case", list(BAD_AMZ_DATES))
def test_string_to_sign_rejects_a_malformed_amz_date(case):
    amz_date = BAD_AMZ_DATES[case]
    assert_rejected(lambda: string_to_sign(amz_date, "us-east-1", "iam", CANONICAL_REQUEST), "YYYYMMDDTHHMMSSZ", case)


@pytest.mark.parametrize("case", list(BAD_AMZ_DATES))
def test_sign_and_the_header_reject_a_malformed_amz_date(case):
    amz_date = BAD_AMZ_DATES[case]
    assert_rejected(lambda: sign(SECRET, amz_date, "us-east-1", "iam", CANONICAL_REQUEST), "YYYYMMDD", case)
    assert_rejected(
        lambda: authorization_header(
            "AKIDEXAMPLE", SECRET, amz_date, "us-east-1", "iam", CANONICAL_REQUEST, "content-type;host;x-amz-date"
        ),
        "YYYYMMDD",
        case,
    )
