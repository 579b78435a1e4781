"""The RFC values are the worked example of RFC 7515, Appendix A.1 (HS256)."""
import base64
import hmac
import json
import re
import secrets

import pytest

import hs256_jwt_by_hand
from hs256_jwt_by_hand import (
    InvalidTokenError,
    b64url_decode,
    b64url_encode,
    decode_hs256,
    encode_hs256,
    hs256_signature,
)

RFC_HEADER = b'{"typ":"JWT",\r\n "alg":"HS256"}'
RFC_HEADER_B64 = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
RFC_PAYLOAD_B64 = "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
RFC_SIGNATURE = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
RFC_TOKEN = f"{RFC_HEADER_B64}.{RFC_PAYLOAD_B64}.{RFC_SIGNATURE}"
RFC_KEY_JWK = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"
RFC_KEY = base64.urlsafe_b64decode(RFC_KEY_JWK + "==")  # the 64-byte HMAC key of the example
RFC_EXP = 1300819380  # 2011-03-22 18:43:00 UTC

KEY = b"k" * 32


def at(timestamp):
    """A fake clock that always says it is `timestamp`."""
    return lambda: timestamp


# ---------------------------------------------------------------- base64url


def test_b64url_encode_reproduces_the_rfc_header_segment():
    assert b64url_encode(RFC_HEADER) == RFC_HEADER_B64


@pytest.mark.parametrize(
    ("data", "expected"),
    [(b"", ""), (b"\xfb", "-w"), (b"\xfb\xff", "-_8"), (b"\xfb\xff\xbf", "-_-_"), (b"\x00\x00\x17", "AAAX")],
    ids=["empty", "one-byte", "two-bytes", "three-bytes", "ends-in-a-letter"],
)
def test_b64url_encode_uses_dash_and_underscore_and_no_padding(data, expected):
    assert b64url_encode(data) == expected


@pytest.mark.parametrize("data", [b"", b"a", b"ab", b"abc", "Grüße ✓".encode(), bytes(range(256))], ids=["empty", "1", "2", "3", "unicode", "all-bytes"])
def test_b64url_decode_undoes_encode_for_every_length(data):
    assert b64url_decode(b64url_encode(data)) == data, "add back '=' * (-len(text) % 4) before decoding"


def test_b64url_decode_reads_the_rfc_key_without_padding():
    key = b64url_decode(RFC_KEY_JWK)

    assert len(key) == 64
    assert list(key[:8]) == [3, 35, 53, 75, 43, 15, 165, 188], "the first bytes listed in RFC 7515 A.1"
    assert key == RFC_KEY


# ---------------------------------------------------------------- signing


def test_hs256_signature_reproduces_the_rfc_example():
    signing_input = f"{RFC_HEADER_B64}.{RFC_PAYLOAD_B64}".encode("ascii")

    assert hs256_signature(signing_input, RFC_KEY) == RFC_SIGNATURE


def test_encode_hs256_writes_the_same_token_as_pyjwt():
    # jwt.encode({"sub": "42", "name": "Ada"}, "k" * 32, algorithm="HS256") with PyJWT 2.x
    expected = (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
        ".eyJzdWIiOiI0MiIsIm5hbWUiOiJBZGEifQ"
        ".BFYzP61lTSPTUeJmyA24b66c3Y-N4F_8uN_qmAJIWBc"
    )
    token = encode_hs256({"sub": "42", "name": "Ada"}, KEY)

    header, payload, _ = token.split(".")
    assert json.loads(b64url_decode(header)) == {"alg": "HS256", "typ": "JWT"}
    assert b64url_decode(payload) == b'{"sub":"42","name":"Ada"}', 'use compact JSON: separators=(",", ":")'
    assert token == expected


@pytest.mark.parametrize(
    "claims",
    [{}, {"sub": "7", "name": "Zoë 🚀"}, {"roles": ["admin", "dev"], "n": -1, "ok": True}],
    ids=["no-claims", "unicode", "nested"],
)
def test_a_token_decodes_back_to_its_claims(claims):
    assert decode_hs256(encode_hs256(claims, KEY), KEY) == claims


# ---------------------------------------------------------------- verifying


def test_decode_hs256_accepts_the_rfc_token_before_it_expires():
    claims = decode_hs256(RFC_TOKEN, RFC_KEY, clock=at(RFC_EXP - 1))

    assert claims == {"iss": "joe", "exp": RFC_EXP, "http://example.com/is_root": True}


@pytest.mark.parametrize("now", [RFC_EXP, RFC_EXP + 1, 1_700_000_000], ids=["at-exp", "one-second-late", "years-later"])
def test_decode_hs256_refuses_an_expired_token(now):
    with pytest.raises(InvalidTokenError, match="expired"):
        decode_hs256(RFC_TOKEN, RFC_KEY, clock=at(now))


def test_decode_hs256_asks_the_injected_clock_for_the_time():
    token = encode_hs256({"sub": "1", "exp": 4_000_000_000}, KEY)  # the year 2096

    with pytest.raises(InvalidTokenError, match="expired"):
        decode_hs256(token, KEY, clock=at(4_000_000_001))


def test_decode_hs256_refuses_a_tampered_payload():
    forged_payload = b64url_encode(b'{"iss":"joe","exp":1300819380,"http://example.com/is_root":true,"admin":true}')
    forged = f"{RFC_HEADER_B64}.{forged_payload}.{RFC_SIGNATURE}"

    with pytest.raises(InvalidTokenError, match="bad signature"):
        decode_hs256(forged, RFC_KEY, clock=at(RFC_EXP - 1))


def test_decode_hs256_refuses_the_wrong_key():
    token = encode_hs256({"sub": "1"}, KEY)

    with pytest.raises(InvalidTokenError, match="bad signature"):
        decode_hs256(token, b"another key, 32 bytes long......")


@pytest.mark.parametrize(
    "alg",
    ["none", "HS512", "RS256", None, "hs256", "HS2566", ["HS256"]],
    ids=["none", "hs512", "rs256", "missing", "lower-case", "longer-name", "list"],
)
def test_decode_hs256_refuses_any_other_algorithm(alg):
    header = {"typ": "JWT"} if alg is None else {"alg": alg, "typ": "JWT"}
    unsigned = f"{b64url_encode(json.dumps(header).encode())}.{b64url_encode(b'{}')}."

    with pytest.raises(InvalidTokenError, match=f"unsupported algorithm {re.escape(repr(alg))}"):
        decode_hs256(unsigned, KEY)


@pytest.mark.parametrize(
    "token",
    [
        "",
        "abc",
        "a.b",
        "a.b.c.d",
        "!!!.e30.sig",
        "WzFd.e30.sig",
        f"{RFC_HEADER_B64}.bm90IGpzb24.sig",
        f"{RFC_HEADER_B64}.WzFd.sig",
    ],
    ids=[
        "empty",
        "one-segment",
        "two-segments",
        "four-segments",
        "not-base64",
        "header-not-an-object",
        "payload-not-json",
        "payload-not-an-object",
    ],
)
def test_decode_hs256_refuses_a_malformed_token(token):
    with pytest.raises(InvalidTokenError, match="malformed token"):
        decode_hs256(token, KEY)


@pytest.mark.parametrize(
    ("aud", "audience"),
    [("api", "api"), (["web", "api"], "api")],
    ids=["string", "list"],
)
def test_decode_hs256_accepts_a_matching_audience(aud, audience):
    token = encode_hs256({"sub": "1", "aud": aud}, KEY)

    assert decode_hs256(token, KEY, audience=audience)["aud"] == aud


@pytest.mark.parametrize(
    ("claims", "audience"),
    [
        ({"aud": "billing"}, "api"),
        ({"aud": ["web", "billing"]}, "api"),
        ({}, "api"),
        ({"aud": "api"}, None),
        ({"aud": "billing-api"}, "api"),
        ({"aud": "api"}, "ap"),
        ({"aud": ["billing-api", "web"]}, "api"),
        ({"aud": "api-admin"}, "api"),
        ({}, ""),
        ({"aud": "api"}, ""),
    ],
    ids=[
        "other-audience",
        "not-in-list",
        "token-without-aud",
        "aud-but-no-audience-expected",
        "expected-is-a-substring-of-aud",
        "aud-starts-with-expected",
        "expected-is-a-substring-of-a-list-item",
        "aud-extends-expected",
        "empty-audience-expected-token-without-aud",
        "empty-audience-expected",
    ],
)
def test_decode_hs256_refuses_a_token_for_another_audience(claims, audience):
    token = encode_hs256({"sub": "1", **claims}, KEY)

    with pytest.raises(InvalidTokenError, match="wrong audience"):
        decode_hs256(token, KEY, audience=audience)
        pytest.fail(
            f"aud {claims.get('aud')!r} was accepted for audience {audience!r}: an audience matches only when it is EQUAL "
            "to aud or to one item of the aud list ('billing-api' is not 'api'), and audience='' is still given"
        )


# ---------------------------------------------------------------- reviewer's checks


@pytest.mark.parametrize("exp", [0, 1], ids=["exp-zero", "exp-one"])
def test_decode_hs256_treats_exp_zero_as_a_time_long_past(exp):
    token = encode_hs256({"sub": "1", "exp": exp}, KEY)

    with pytest.raises(InvalidTokenError, match="expired"):
        decode_hs256(token, KEY, clock=at(1_700_000_000))
        pytest.fail("exp 0 is 1970-01-01, not 'no expiry': test `'exp' in claims`, not `claims.get('exp') or ...`")


def test_decode_hs256_believes_a_clock_that_says_zero():
    token = encode_hs256({"sub": "1", "exp": 10}, KEY)

    assert decode_hs256(token, KEY, clock=at(0)) == {"sub": "1", "exp": 10}, (
        "the clock said 0 (1970), before exp 10: `clock() or time.time()` throws that answer away"
    )


@pytest.mark.parametrize(
    "claims", [{"exp": 1}, {"aud": "billing"}, {"exp": 1, "aud": "billing"}], ids=["expired", "other-audience", "both"]
)
def test_decode_hs256_checks_the_signature_before_the_claims(claims):
    token = encode_hs256({"sub": "1", **claims}, KEY)
    header, payload, _ = token.split(".")
    forged = f"{header}.{payload}.{hs256_signature(f'{header}.{payload}'.encode(), b'attacker key')}"

    with pytest.raises(InvalidTokenError, match="bad signature"):
        decode_hs256(forged, KEY, audience="api", clock=at(1_700_000_000))
        pytest.fail("claims of a token whose signature is wrong must not be read at all")


@pytest.mark.parametrize("signature", ["dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXé", "✓" * 43], ids=["one-accent", "all-non-ascii"])
def test_decode_hs256_refuses_a_non_ascii_signature_as_bad(signature):
    token = f"{RFC_HEADER_B64}.{RFC_PAYLOAD_B64}.{signature}"

    with pytest.raises(InvalidTokenError, match="bad signature"):
        decode_hs256(token, RFC_KEY, clock=at(RFC_EXP - 1))
    # hmac.compare_digest raises TypeError for two str with non-ASCII characters: compare bytes


@pytest.fixture
def compare_digest_answers(monkeypatch):
    """Replace hmac.compare_digest, however it was imported, with one that gives a fixed answer."""
    real = hmac.compare_digest
    answer = {"value": True}

    def fake(a, b):
        return answer["value"]

    monkeypatch.setattr(hmac, "compare_digest", fake)
    monkeypatch.setattr(secrets, "compare_digest", fake)
    for name, value in list(vars(hs256_jwt_by_hand).items()):
        if value is real:  # `from hmac import compare_digest` (under any name)
            monkeypatch.setattr(hs256_jwt_by_hand, name, fake)
    return answer


def test_decode_hs256_lets_hmac_compare_digest_decide_the_signature(compare_digest_answers):
    forged = f"{RFC_HEADER_B64}.{RFC_PAYLOAD_B64}.{'A' * 43}"

    compare_digest_answers["value"] = True
    assert decode_hs256(forged, RFC_KEY, clock=at(RFC_EXP - 1))["iss"] == "joe", (
        "compare the signatures with hmac.compare_digest (it takes the same time wherever they differ); "
        "== or != stops at the first different byte, and the time it takes tells an attacker how much was right"
    )
    compare_digest_answers["value"] = False
    with pytest.raises(InvalidTokenError, match="bad signature"):
        decode_hs256(RFC_TOKEN, RFC_KEY, clock=at(RFC_EXP - 1))
