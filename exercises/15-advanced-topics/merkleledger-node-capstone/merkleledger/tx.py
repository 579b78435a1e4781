"""Transactions: canonical bytes, ids, signing, and checking signatures.

A Transaction is frozen: signing returns a NEW one (dataclasses.replace).
- address_of(public_key): sha256(public_key.to_bytes(128, "big")).hexdigest()[:40]
- signing_bytes(tx): the bytes every node signs and hashes, canonical JSON of
  the four fields a signature covers, sorted keys, no spaces:
      b'{"amount":5,"nonce":0,"recipient":"b2","sender":"a1"}'
  (json.dumps(..., sort_keys=True, separators=(",", ":")).encode()); never
  str(tx) or repr(tx).
- tx_id(tx): sha256(signing_bytes(tx)).hexdigest(), the same before and after
  signing.
- sign_transaction(tx, secret): the public key is pow(G, secret, P); if its
  address is not tx.sender raise ValueError(f"this key does not own
  {tx.sender}"); else return a copy with public_key and signature =
  schnorr.sign(secret, signing_bytes(tx)).
- has_valid_signature(tx): False without a public key or a signature; True
  only if address_of(tx.public_key) == tx.sender (a valid signature by
  SOMEONE ELSE's key proves nothing) and schnorr.verify(...) accepts it.
"""
import hashlib
import json
from dataclasses import dataclass, replace

from merkleledger.schnorr import G, P, Signature, sign, verify


@dataclass(frozen=True)
class Transaction:
    sender: str
    recipient: str
    amount: int
    nonce: int
    public_key: int | None = None
    signature: Signature | None = None


def address_of(public_key: int) -> str:
    raise NotImplementedError  # TODO


def signing_bytes(tx: Transaction) -> bytes:
    raise NotImplementedError  # TODO


def tx_id(tx: Transaction) -> str:
    raise NotImplementedError  # TODO


def sign_transaction(tx: Transaction, secret: int) -> Transaction:
    raise NotImplementedError  # TODO


def has_valid_signature(tx: Transaction) -> bool:
    raise NotImplementedError  # TODO
