"""A ledger node: blocks of signed transactions, chained by hash, with Merkle receipts."""
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
    header = {"prev_hash": block.prev_hash, "height": block.height, "merkle_root": block.merkle_root}
    return hashlib.sha256(json.dumps(header, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def verify_receipt(txid: str, receipt: Receipt, root: str) -> bool:
    proof = [bytes.fromhex(p) for p in receipt.proof]
    return verify_inclusion(bytes.fromhex(txid), receipt.index, receipt.size, proof, bytes.fromhex(root))


class Node:
    def __init__(self, balances) -> None:
        self.state = genesis(balances)
        self.blocks: list[Block] = []

    def balance(self, address: str) -> int:
        return self.state.balances.get(address, 0)

    def submit(self, txs) -> Block:
        txs = list(txs)
        if not txs:
            raise ValueError("a block needs at least one transaction")
        state = apply_block(self.state, txs)
        ids = tuple(tx_id(tx) for tx in txs)
        root = merkle_root([bytes.fromhex(i) for i in ids]).hex()
        prev = block_hash(self.blocks[-1]) if self.blocks else ZERO_HASH
        block = Block(len(self.blocks), prev, root, ids)
        self.blocks.append(block)
        self.state = state
        return block

    def receipt(self, txid: str) -> Receipt:
        for block in self.blocks:
            if txid in block.tx_ids:
                leaves = [bytes.fromhex(i) for i in block.tx_ids]
                index = block.tx_ids.index(txid)
                proof = tuple(p.hex() for p in inclusion_proof(leaves, index))
                return Receipt(block.height, index, len(leaves), proof)
        raise KeyError(f"unknown transaction {txid}")
