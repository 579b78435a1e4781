"""The ledger's functional core: immutable states and pure functions over them."""
from dataclasses import dataclass
from functools import reduce
from types import MappingProxyType
from typing import Mapping

from merkleledger.tx import Transaction, has_valid_signature


class InvalidTransaction(ValueError):
    pass


@dataclass(frozen=True)
class State:
    balances: Mapping[str, int]
    nonces: Mapping[str, int]


def genesis(balances: Mapping[str, int]) -> State:
    return State(MappingProxyType(dict(balances)), MappingProxyType({}))


def apply_tx(state: State, tx: Transaction) -> State:
    if isinstance(tx.amount, bool) or not isinstance(tx.amount, int) or tx.amount <= 0:
        raise InvalidTransaction(f"amount must be a positive whole number, got {tx.amount!r}")
    if tx.sender == tx.recipient:
        raise InvalidTransaction("sender and recipient must differ")
    if not has_valid_signature(tx):
        raise InvalidTransaction("bad signature")
    expected = state.nonces.get(tx.sender, 0)
    if tx.nonce != expected:
        raise InvalidTransaction(f"expected nonce {expected}, got {tx.nonce}")
    have = state.balances.get(tx.sender, 0)
    if have < tx.amount:
        raise InvalidTransaction(f"insufficient funds: has {have}, needs {tx.amount}")
    balances = dict(state.balances)
    balances[tx.sender] = have - tx.amount
    balances[tx.recipient] = balances.get(tx.recipient, 0) + tx.amount
    nonces = {**state.nonces, tx.sender: expected + 1}
    return State(MappingProxyType(balances), MappingProxyType(nonces))


def apply_block(state: State, txs) -> State:
    return reduce(apply_tx, txs, state)
