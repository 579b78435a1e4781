"""Schnorr signatures with nothing but the standard library. Given: do not edit.

The group: a 1024-bit prime P and a 256-bit prime Q dividing P - 1 (a
Schnorr group generated for this exercise); G generates the subgroup of
order Q. Toy sizes, chosen to keep the tests fast. A secret key is a number x, its
public key y = g**x mod P. Nonces are derived from the key and the message
(as RFC 6979 and Ed25519 do), so the same key never reuses a nonce on two
messages. Slow, unaudited and for learning only: use a real library (e.g.
`cryptography`'s Ed25519) at work.

    secret, public = generate_keypair(b"alice's seed")
    signature = sign(secret, b"message")      # a pair of ints (e, s)
    verify(public, b"message", signature)     # True
    verify(public, b"messagE", signature)     # False
"""
import hashlib

P = int(
    "8a6ff88dc716ab0126d753ecd24893c7453b218b7e742f16d5909ec3aded865a4de6c752e08404558f5a9c0a92591310"
    "eb8bdad5bc728addb631897d225e23810a0dc5d63dab959e1fe788ab3f94c2e330c08cc41a50578fef8f57eb09840828"
    "013f3e99492dd5f41d9e394f26e2822016adeb6cdcb986a7de2decd822eaf525",
    16,
)
Q = int("a0bb4fcd02ebb8d8d734fc4aa86a04d10e66c6be51478b93be3b496ec129017d", 16)
G = int(
    "7cd0daea8a75bfe74e5af80ad79d4a2eee513c7f6c1f9c404f4e50907497b45de30e88a8bb903d8cc3dcc6dc1fa94ff9"
    "e0fade3a4c5099f7648f4e51563af6cafdbd7d51b411e46104bb3b1003f8e1342db662b7252ba8362bb4fde06f508571"
    "5e043873979982b57399f8886817958423f6e771725c17c5dc06fc8b282253ce",
    16,
)

Signature = tuple[int, int]


def _int_hash(*parts: bytes) -> int:
    digest = hashlib.sha256(b"".join(len(p).to_bytes(4, "big") + p for p in parts)).digest()
    return int.from_bytes(digest, "big") % Q


def _bytes(n: int) -> bytes:
    return n.to_bytes(128, "big")


def generate_keypair(seed: bytes) -> tuple[int, int]:
    secret = _int_hash(b"key", seed) or 1
    return secret, pow(G, secret, P)


def sign(secret: int, message: bytes) -> Signature:
    public = pow(G, secret, P)
    k = _int_hash(b"nonce", _bytes(secret), message) or 1
    r = pow(G, k, P)
    e = _int_hash(_bytes(r), _bytes(public), message)
    return e, (k + secret * e) % Q


def verify(public: int, message: bytes, signature: Signature) -> bool:
    try:
        e, s = signature
    except (TypeError, ValueError):
        return False
    if not (isinstance(e, int) and isinstance(s, int) and 0 <= e < Q and 0 <= s < Q and 1 < public < P):
        return False
    r = pow(G, s, P) * pow(public, Q - e, P) % P
    return _int_hash(_bytes(r), _bytes(public), message) == e
