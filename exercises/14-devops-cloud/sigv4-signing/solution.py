"""AWS Signature Version 4, step by step."""
import hashlib
import hmac
import re

ALGORITHM = "AWS4-HMAC-SHA256"


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


def signing_key(secret_key: str, date: str, region: str, service: str) -> bytes:
    if not re.fullmatch(r"[0-9]{8}", date):
        raise ValueError(f"date must look like YYYYMMDD, got {date!r}")
    key = ("AWS4" + secret_key).encode()
    for part in (date, region, service, "aws4_request"):
        key = _hmac(key, part)
    return key


def string_to_sign(amz_date: str, region: str, service: str, canonical_request: str) -> str:
    if not re.fullmatch(r"[0-9]{8}T[0-9]{6}Z", amz_date):
        raise ValueError(f"amz_date must look like YYYYMMDDTHHMMSSZ, got {amz_date!r}")
    scope = f"{amz_date[:8]}/{region}/{service}/aws4_request"
    request_hash = hashlib.sha256(canonical_request.encode()).hexdigest()
    return "\n".join([ALGORITHM, amz_date, scope, request_hash])


def sign(secret_key: str, amz_date: str, region: str, service: str, canonical_request: str) -> str:
    to_sign = string_to_sign(amz_date, region, service, canonical_request)
    key = signing_key(secret_key, amz_date[:8], region, service)
    return hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()


def authorization_header(
    access_key_id: str,
    secret_key: str,
    amz_date: str,
    region: str,
    service: str,
    canonical_request: str,
    signed_headers: str,
) -> str:
    signature = sign(secret_key, amz_date, region, service, canonical_request)
    credential = f"{access_key_id}/{amz_date[:8]}/{region}/{service}/aws4_request"
    return f"{ALGORITHM} Credential={credential}, SignedHeaders={signed_headers}, Signature={signature}"
