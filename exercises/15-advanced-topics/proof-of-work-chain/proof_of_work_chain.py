"""A tiny blockchain: blocks linked by SHA-256 hashes, secured by proof of work.

Each block stores the hash of the block before it, so changing any old block
breaks every link after it. Proof of work makes re-computing those links
expensive: a block only counts if its hash starts with `difficulty` zeros,
and the only way to get such a hash is to try nonce after nonce.

1. block_hash(index, data, prev_hash, nonce): the SHA-256 hex digest of the
   UTF-8 string f"{index}|{prev_hash}|{data}|{nonce}".
       block_hash(0, "genesis", "0" * 64, 0) == "80751d9782e8ccff...204e63a"
2. mine(index, data, prev_hash, difficulty) -> Block with the SMALLEST nonce
   (0, 1, 2, ...) whose hash starts with "0" * difficulty.
       mine(0, "genesis", "0" * 64, 2).nonce == 106      # hash "00d1b74b..."
   A negative difficulty raises ValueError("difficulty must not be negative ...").
3. Blockchain(difficulty=2)
   - .blocks starts with the mined genesis block:
     index 0, data "genesis", prev_hash GENESIS_PREV_HASH;
   - .add(data) mines the next block onto the end and returns it;
   - .is_valid() is True only if every block i has index i, points to the hash
     of block i-1 (GENESIS_PREV_HASH for block 0), carries its own correct
     hash, and that hash starts with the difficulty's zeros.
"""
import hashlib
from dataclasses import dataclass
from itertools import count

GENESIS_PREV_HASH = "0" * 64


@dataclass(frozen=True)
class Block:
    index: int
    data: str
    prev_hash: str
    nonce: int
    hash: str


def block_hash(index: int, data: str, prev_hash: str, nonce: int) -> str:
    # TODO: SHA-256 of f"{index}|{prev_hash}|{data}|{nonce}", as hex.
    raise NotImplementedError


def mine(index: int, data: str, prev_hash: str, difficulty: int) -> Block:
    # TODO: try nonces from 0 upwards until the hash has enough leading zeros.
    raise NotImplementedError


class Blockchain:
    def __init__(self, difficulty: int = 2) -> None:
        self.difficulty = difficulty
        # TODO: start the chain with a mined genesis block.
        self.blocks: list[Block] = []

    def add(self, data: str) -> Block:
        # TODO: mine a block linked to the last one and append it.
        raise NotImplementedError

    def is_valid(self) -> bool:
        # TODO: check index, link, hash and proof of work of every block.
        raise NotImplementedError
