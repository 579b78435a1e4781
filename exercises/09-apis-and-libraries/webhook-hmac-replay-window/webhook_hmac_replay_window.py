"""Verify a signed webhook delivery, the way Stripe-style providers sign them.

A webhook is a POST a provider sends to your server when something happens
("invoice.paid"). Anyone can POST to that URL, so the provider signs every
delivery with a secret only the two of you know, and dates it:

    Webhook-Signature: t=1700000000,v1=824467e1d2f2ddd82f12bcb78d80d1a42580d5399b0cade2ac844ae425d3b7df

v1 is the lower-case hex HMAC-SHA256, keyed with the secret, of the bytes
    b"1700000000." + raw_body      (the timestamp, a dot, the body exactly as received)
With secret b"whsec_test" and the UTF-8 body
    {"id":"evt_1","type":"invoice.paid","customer":"Zoë"}
the signature is the one above.

1. sign(secret, body, timestamp) -> the header value "t=<timestamp>,v1=<hex>".

2. parse_header(header) -> (timestamp, [every v1 value, in order]).
   The header is key=value items separated by "," (spaces around an item are
   ignored). There must be exactly one t, written in ASCII digits only ("-5",
   "1.5", "" and "١٧" are not timestamps), and at least one v1. Other keys
   (v0=..., a future scheme) are ignored. Anything else (an item without "=",
   two t items, no v1) raises SignatureError("malformed signature header: ...").

3. verify(secret, body, header, *, now, tolerance=300) -> json.loads(body),
   checked in this order:
   - parse_header(header);
   - the HMAC of the RAW body bytes must equal one of the v1 values (during a
     secret rotation the provider sends one v1 per secret). Never json.loads
     and json.dumps the body again before checking: key order, spaces and
     "\\u00eb" escapes change the bytes. Compare with hmac.compare_digest
     (== stops at the first wrong character, and that timing leaks how much of
     a forged signature was right); a v1 that is not ASCII simply does not match
     (compare_digest raises TypeError for such str, so compare bytes).
     No match -> SignatureError("no matching signature"). A forged delivery
     therefore gets this error even if its timestamp is also old, and its body
     is never parsed.
   - replay window: a delivery signed more than `tolerance` seconds before or
     after `now` (a recorded delivery replayed an hour later, or one dated in
     the future) -> SignatureError("timestamp outside the tolerance of 300 s").
     Exactly `tolerance` seconds away is still accepted; tolerance=0 means the
     same second only.
"""

import hashlib
import hmac
import json
from typing import Any


class SignatureError(ValueError):
    """The delivery must not be trusted; the message says why."""


def sign(secret: bytes, body: bytes, timestamp: int) -> str:
    # TODO: hmac.new(secret, b"<timestamp>." + body, hashlib.sha256).hexdigest()
    raise NotImplementedError


def parse_header(header: str) -> tuple[int, list[str]]:
    # TODO: split on ",", partition each item on "=", collect t and every v1.
    raise NotImplementedError


def verify(secret: bytes, body: bytes, header: str, *, now: int, tolerance: int = 300) -> Any:
    # TODO: parse, compare with hmac.compare_digest, then the timestamp, then json.loads.
    raise NotImplementedError
