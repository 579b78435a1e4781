"""A minimal blockchain: SHA-256 links and proof of work."""
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
    return hashlib.sha256(f"{index}|{prev_hash}|{data}|{nonce}".encode()).hexdigest()


def mine(index: int, data: str, prev_hash: str, difficulty: int) -> Block:
    if difficulty < 0:
        raise ValueError(f"difficulty must not be negative, got {difficulty}")
    target = "0" * difficulty
    for nonce in count():
        digest = block_hash(index, data, prev_hash, nonce)
        if digest.startswith(target):
            return Block(index, data, prev_hash, nonce, digest)


class Blockchain:
    def __init__(self, difficulty: int = 2) -> None:
        self.difficulty = difficulty
        self.blocks = [mine(0, "genesis", GENESIS_PREV_HASH, difficulty)]

    def add(self, data: str) -> Block:
        block = mine(len(self.blocks), data, self.blocks[-1].hash, self.difficulty)
        self.blocks.append(block)
        return block

    def is_valid(self) -> bool:
        target = "0" * self.difficulty
        for i, block in enumerate(self.blocks):
            expected_prev = self.blocks[i - 1].hash if i else GENESIS_PREV_HASH
            if (
                block.index != i
                or block.prev_hash != expected_prev
                or block.hash != block_hash(block.index, block.data, block.prev_hash, block.nonce)
                or not block.hash.startswith(target)
            ):
                return False
        return True
