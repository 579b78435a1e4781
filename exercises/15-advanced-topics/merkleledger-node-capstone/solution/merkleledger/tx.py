"""Transactions: canonical bytes, ids, signing and checking signatures."""
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
    return hashlib.sha256(public_key.to_bytes(128, "big")).hexdigest()[:40]


def signing_bytes(tx: Transaction) -> bytes:
    body = {"sender": tx.sender, "recipient": tx.recipient, "amount": tx.amount, "nonce": tx.nonce}
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


def tx_id(tx: Transaction) -> str:
    return hashlib.sha256(signing_bytes(tx)).hexdigest()


def sign_transaction(tx: Transaction, secret: int) -> Transaction:
    public = pow(G, secret, P)
    if address_of(public) != tx.sender:
        raise ValueError(f"this key does not own {tx.sender}")
    return replace(tx, public_key=public, signature=sign(secret, signing_bytes(tx)))


def has_valid_signature(tx: Transaction) -> bool:
    if tx.public_key is None or tx.signature is None:
        return False
    return address_of(tx.public_key) == tx.sender and verify(tx.public_key, signing_bytes(tx), tx.signature)
