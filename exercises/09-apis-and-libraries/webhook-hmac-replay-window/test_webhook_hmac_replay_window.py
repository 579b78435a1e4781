"""The vector below was checked with `openssl dgst -sha256 -hmac whsec_test`."""
import hmac
import json
import secrets

import pytest

import webhook_hmac_replay_window
from webhook_hmac_replay_window import SignatureError, parse_header, sign, verify

SECRET = b"whsec_test"
OLD_SECRET = b"whsec_old"
BODY = '{"id":"evt_1","type":"invoice.paid","customer":"Zoë"}'.encode()
T = 1_700_000_000
V1 = "824467e1d2f2ddd82f12bcb78d80d1a42580d5399b0cade2ac844ae425d3b7df"
V1_OLD_SECRET = "4fc4b53b53d50a334314ccacb879ffa2d081aefea9289d6b409d9b5cccba0082"
HEADER = f"t={T},v1={V1}"
EVENT = {"id": "evt_1", "type": "invoice.paid", "customer": "Zoë"}


def when(now):
    """How the signing time T reads from `now`, in words."""
    return f"signed {abs(now - T)} s {'before' if now >= T else 'after'} now"


def accepted(body, header, now, why, **kwargs):
    """verify() for a delivery that must be accepted: a refusal fails the test with `why`."""
    try:
        return verify(SECRET, body, header, now=now, **kwargs)
    except SignatureError as exc:
        pytest.fail(f"{why} (it was refused: {exc})")


# ---------------------------------------------------------------- sign


def test_sign_reproduces_the_known_signature():
    assert sign(SECRET, BODY, T) == HEADER, "v1 is hex HMAC-SHA256(secret, b'<t>.' + body)"


def test_sign_covers_the_timestamp_as_well_as_the_body():
    assert sign(SECRET, BODY, T + 1) != sign(SECRET, BODY, T), (
        "sign b'<timestamp>.' + body: if the timestamp is not signed, anyone can re-date an old delivery"
    )


@pytest.mark.parametrize(
    "body",
    [b"{}", b"null", json.dumps({"note": "✓" * 1000}, ensure_ascii=False).encode()],
    ids=["empty-object", "null", "long-unicode"],
)
def test_sign_and_verify_agree_for_any_body(body):
    why = "a body signed with sign() must pass verify(): check the HMAC of the raw bytes, exactly as received"
    assert accepted(body, sign(SECRET, body, T), T, why) == json.loads(body)


# ---------------------------------------------------------------- parse_header


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (HEADER, (T, [V1])),
        (f"t={T},v1=aa,v1=bb", (T, ["aa", "bb"])),
        (f"v1=aa,t={T}", (T, ["aa"])),
        (f"t={T}, v0=old, v1=aa ,scheme=next", (T, ["aa"])),
        ("t=0,v1=aa", (0, ["aa"])),
    ],
    ids=["one-signature", "two-signatures-in-order", "t-last", "spaces-and-other-schemes", "timestamp-zero"],
)
def test_parse_header_reads_the_timestamp_and_every_v1(header, expected):
    assert parse_header(header) == expected


@pytest.mark.parametrize(
    "header",
    [
        "",
        f"v1={V1}",
        f"t={T}",
        f"t={T},v0=aa",
        f"t={T},t={T + 3600},v1={V1}",
        f"t={T},v1{V1}",
        f"t={T},v1={V1},garbage",
        "t=-5,v1=aa",
        "t=1.5,v1=aa",
        "t=,v1=aa",
        "t=١٧٠٠٠٠٠٠٠٠,v1=aa",
    ],
    ids=[
        "empty", "no-timestamp", "no-signature", "only-other-schemes", "two-timestamps", "item-without-equals", "extra-item-without-equals",
        "negative", "fraction", "empty-timestamp", "arabic-indic-digits",
    ],
)
def test_parse_header_refuses_a_malformed_header(header):
    with pytest.raises(SignatureError, match="malformed signature header"):
        parse_header(header)
        pytest.fail(f"{header!r} must be refused: exactly one t in ASCII digits and at least one v1")


# ---------------------------------------------------------------- verify


def test_verify_returns_the_event_of_a_good_delivery():
    assert accepted(BODY, HEADER, T, "this is the known good signature of BODY, sent just now") == EVENT


def test_verify_checks_the_raw_bytes_not_a_re_serialised_body():
    # The same event, as another JSON writer would send it: spaces and an escape.
    other_bytes = b'{"id": "evt_1", "type": "invoice.paid", "customer": "Zo\\u00eb"}'
    header = sign(SECRET, other_bytes, T)

    assert accepted(
        other_bytes, header, T, "the signature covers the body exactly as received: json.dumps(json.loads(body)) is other bytes"
    ) == EVENT
    with pytest.raises(SignatureError, match="no matching signature"):
        verify(SECRET, BODY, header, now=T)
        pytest.fail("these are other bytes than were signed, even though they decode to the same event")


@pytest.mark.parametrize(
    "body",
    [BODY.replace(b"evt_1", b"evt_2"), BODY + b" ", BODY[:-1]],
    ids=["changed-id", "trailing-space", "truncated"],
)
def test_verify_refuses_a_tampered_body(body):
    with pytest.raises(SignatureError, match="no matching signature"):
        verify(SECRET, body, HEADER, now=T)


def test_verify_refuses_the_right_body_signed_with_another_secret():
    with pytest.raises(SignatureError, match="no matching signature"):
        verify(SECRET, BODY, f"t={T},v1={V1_OLD_SECRET}", now=T)


@pytest.mark.parametrize(
    "header",
    [f"t={T},v1={V1_OLD_SECRET},v1={V1}", f"t={T},v1={V1},v1={V1_OLD_SECRET}", f"t={T},v1=zz,v1=,v1={V1}"],
    ids=["match-second", "match-first", "match-third"],
)
def test_verify_accepts_a_match_among_several_signatures(header):
    assert accepted(BODY, header, T, "during a secret rotation the provider sends one v1 per secret: any one of them may match") == EVENT


def test_verify_refuses_a_re_dated_delivery():
    with pytest.raises(SignatureError, match="no matching signature"):
        verify(SECRET, BODY, f"t={T + 3600},v1={V1}", now=T + 3600)
        pytest.fail("the timestamp is part of what is signed: a new t with the old v1 is a forgery")


@pytest.mark.parametrize("signature", ["é" * 64, V1[:-1] + "é"], ids=["all-non-ascii", "last-non-ascii"])
def test_verify_refuses_a_non_ascii_signature_as_no_match(signature):
    with pytest.raises(SignatureError, match="no matching signature"):
        verify(SECRET, BODY, f"t={T},v1={signature}", now=T)
    # hmac.compare_digest raises TypeError for two str with non-ASCII characters: compare bytes


@pytest.mark.parametrize(
    ("now", "tolerance"),
    [(T + 300, 300), (T - 300, 300), (T, 0), (T + 299, 300), (T + 1, 1)],
    ids=["just-in-the-past-edge", "just-in-the-future-edge", "tolerance-zero-same-second", "inside", "one-second"],
)
def test_verify_accepts_a_delivery_inside_the_window(now, tolerance):
    why = f"{when(now)} with tolerance={tolerance} is inside the window (its edges included)"
    assert accepted(BODY, HEADER, now, why, tolerance=tolerance) == EVENT


@pytest.mark.parametrize(
    ("now", "tolerance"),
    [(T + 301, 300), (T + 3600, 300), (T - 301, 300), (T + 1, 0), (T - 1, 0)],
    ids=["one-second-late", "replayed-an-hour-later", "dated-in-the-future", "tolerance-zero-late", "tolerance-zero-early"],
)
def test_verify_refuses_a_delivery_outside_the_window(now, tolerance):
    with pytest.raises(SignatureError, match="timestamp outside the tolerance"):
        verify(SECRET, BODY, HEADER, now=now, tolerance=tolerance)
        pytest.fail(
            f"{when(now)} with tolerance={tolerance}: refuse it both ways "
            "(a replay comes late, a forged date early), and tolerance=0 is not 'use the default'"
        )


def test_the_default_tolerance_is_five_minutes():
    assert accepted(BODY, HEADER, T + 300, "300 s after signing is inside the default window of five minutes") == EVENT
    with pytest.raises(SignatureError, match="timestamp outside the tolerance"):
        verify(SECRET, BODY, HEADER, now=T + 301)


def test_verify_checks_the_signature_before_the_timestamp():
    with pytest.raises(SignatureError, match="no matching signature"):
        verify(SECRET, BODY.replace(b"evt_1", b"evt_2"), HEADER, now=T + 3600)
        pytest.fail("a forged delivery is refused as a forgery, whatever its date")


def test_verify_never_parses_an_unsigned_body():
    with pytest.raises(SignatureError, match="no matching signature"):
        verify(SECRET, b"<html>not json</html>", HEADER, now=T)
        pytest.fail("check the signature before json.loads: an unsigned body must not be read at all")


def test_verify_refuses_a_malformed_header():
    with pytest.raises(SignatureError, match="malformed signature header"):
        verify(SECRET, BODY, f"v1={V1}", now=T)


@pytest.fixture
def compare_digest_answers(monkeypatch):
    """Replace hmac.compare_digest, however it was imported, with one that gives a fixed answer."""
    real = hmac.compare_digest
    answer = {"value": True}

    def fake(a, b):
        return answer["value"]

    monkeypatch.setattr(hmac, "compare_digest", fake)
    monkeypatch.setattr(secrets, "compare_digest", fake)
    for name, value in list(vars(webhook_hmac_replay_window).items()):
        if value is real:  # `from hmac import compare_digest` (under any name)
            monkeypatch.setattr(webhook_hmac_replay_window, name, fake)
    return answer


def test_verify_lets_hmac_compare_digest_decide(compare_digest_answers):
    compare_digest_answers["value"] = True
    why = (
        "compare the signatures with hmac.compare_digest: == stops at the first different character, "
        "and the time it takes tells an attacker how much of a forged signature was right"
    )
    assert accepted(BODY, f"t={T},v1={'0' * 64}", T, why) == EVENT
    compare_digest_answers["value"] = False
    with pytest.raises(SignatureError, match="no matching signature"):
        verify(SECRET, BODY, HEADER, now=T)
