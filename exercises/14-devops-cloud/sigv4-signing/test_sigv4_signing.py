"""Expected values are the worked examples published in the AWS documentation."""
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


@pytest.mark.parametrize("date", ["2012-02-15", "201202", "2012021a", ""], ids=["dashes", "too-short", "letter", "empty"])
def test_signing_key_rejects_a_malformed_date(date):
    with pytest.raises(ValueError, match="YYYYMMDD"):
        signing_key(SECRET, date, "us-east-1", "iam")


@pytest.mark.parametrize(
    "amz_date",
    ["20150830", "2015-08-30T12:36:00Z", "20150830T123600", "20150830t123600z"],
    ids=["date-only", "iso-with-dashes", "missing-z", "lowercase"],
)
def test_string_to_sign_rejects_a_malformed_amz_date(amz_date):
    with pytest.raises(ValueError, match="YYYYMMDDTHHMMSSZ"):
        string_to_sign(amz_date, "us-east-1", "iam", CANONICAL_REQUEST)
