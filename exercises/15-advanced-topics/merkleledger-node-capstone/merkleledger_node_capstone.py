"""Capstone: a ledger node with signed transactions, hash-chained blocks and Merkle receipts.

The package merkleledger/ holds the parts; do them in this order, each has its
own docstring and tests: merkle.py (RFC 6962 trees, checked against the
Certificate Transparency test vectors), tx.py (canonical bytes, ids,
signatures; schnorr.py is given), ledger.py (the pure, functional core).
Then the node here, which only glues them together:

- block_hash(block): sha256 of the canonical JSON of the header
  {"height", "merkle_root", "prev_hash"} (sorted keys, separators (",", ":")),
  as hex. The tx ids are committed through merkle_root.
- Node(balances): starts from genesis(balances) with no blocks.
  node.balance(address) -> int (0 for an unknown address).
  node.submit(txs) -> Block: txs may be any iterable (read it once); none
  at all: ValueError("a block needs at least one transaction"). Compute the
  new state with apply_block FIRST (an InvalidTransaction leaves the node
  exactly as it was); then the block: height = number of blocks so far,
  prev_hash = block_hash of the last block (ZERO_HASH for the first),
  tx_ids = the tx_id of each transaction in order, merkle_root = the hex
  merkle_root of the ids as bytes (bytes.fromhex). Append it, keep the state.
  node.receipt(txid) -> Receipt(height, index, size, proof as a tuple of hex
  strings) from the block that holds it; KeyError(f"unknown transaction {txid}").
- verify_receipt(txid, receipt, root) -> bool: what a light client runs with
  only a block's merkle_root: verify_inclusion on the bytes.
"""
import hashlib
import json
from dataclasses import dataclass

from merkleledger.ledger import apply_block, genesis
from merkleledger.merkle import inclusion_proof, merkle_root, verify_inclusion
from merkleledger.tx import tx_id

ZERO_HASH = "0" * 64


@dataclass(frozen=True)
class Block:
    height: int
    prev_hash: str
    merkle_root: str
    tx_ids: tuple[str, ...]


@dataclass(frozen=True)
class Receipt:
    height: int
    index: int
    size: int
    proof: tuple[str, ...]


def block_hash(block: Block) -> str:
    raise NotImplementedError  # TODO


def verify_receipt(txid: str, receipt: Receipt, root: str) -> bool:
    raise NotImplementedError  # TODO


class Node:
    def __init__(self, balances) -> None:
        # TODO: self.state and self.blocks
        raise NotImplementedError

    def balance(self, address: str) -> int:
        raise NotImplementedError  # TODO

    def submit(self, txs) -> Block:
        raise NotImplementedError  # TODO

    def receipt(self, txid: str) -> Receipt:
        raise NotImplementedError  # TODO
