"""Sign an AWS API request with Signature Version 4 (SigV4).

Every AWS API call carries an Authorization header proving that the caller
knows the secret key, without sending it. The request is first written in a
canonical form (given to you here as a string); then:

1. signing_key(secret_key, date, region, service) -> bytes
   HMAC-SHA256 chained four times, each output being the next key:
       kDate    = HMAC(("AWS4" + secret_key).encode(), date)     # date: "YYYYMMDD"
       kRegion  = HMAC(kDate, region)
       kService = HMAC(kRegion, service)
       kSigning = HMAC(kService, "aws4_request")
   AWS's documented example: secret "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
   "20120215", "us-east-1", "iam" gives kSigning.hex() ==
   "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d".
   A date that is not exactly 8 ASCII digits 0-9 (nothing before or after,
   not even a newline) raises ValueError("date must look like YYYYMMDD ...").

2. string_to_sign(amz_date, region, service, canonical_request) -> str
   Four lines joined by "\n": "AWS4-HMAC-SHA256", amz_date ("20150830T123600Z"),
   the scope "20150830/us-east-1/iam/aws4_request", and the SHA-256 hex digest of
   the canonical request (UTF-8). An amz_date that is not exactly 8 ASCII
   digits, "T", 6 ASCII digits, "Z" raises
   ValueError("amz_date must look like YYYYMMDDTHHMMSSZ ...").

3. sign(secret_key, amz_date, region, service, canonical_request) -> str
   The hex HMAC-SHA256 of the string to sign, keyed with the signing key of
   the date part of amz_date. A malformed amz_date raises the ValueError
   above (also in authorization_header).

4. authorization_header(access_key_id, secret_key, amz_date, region, service,
   canonical_request, signed_headers) -> the header value:
   "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
   "SignedHeaders=content-type;host;x-amz-date, Signature=<sign(...)>"
"""
import hashlib
import hmac
import re

ALGORITHM = "AWS4-HMAC-SHA256"


def signing_key(secret_key: str, date: str, region: str, service: str) -> bytes:
    # TODO: validate date, then chain four HMAC-SHA256 calls.
    raise NotImplementedError


def string_to_sign(amz_date: str, region: str, service: str, canonical_request: str) -> str:
    # TODO: validate amz_date, then join the four lines.
    raise NotImplementedError


def sign(secret_key: str, amz_date: str, region: str, service: str, canonical_request: str) -> str:
    # TODO: HMAC the string to sign with the signing key; return hex.
    raise NotImplementedError


def authorization_header(
    access_key_id: str,
    secret_key: str,
    amz_date: str,
    region: str,
    service: str,
    canonical_request: str,
    signed_headers: str,
) -> str:
    # TODO: build the Authorization header value around sign(...).
    raise NotImplementedError
