"""The ledger's functional core: immutable states, pure functions, a fold.

A State holds two read-only mappings (types.MappingProxyType over a dict of
its own): balances (address -> int) and nonces (address -> the number of
transactions that address has sent). Nothing here changes a State: every
function returns a new one, so a failure can never leave half a change.

- genesis(balances): a State with a COPY of the balances and no nonces.
- apply_tx(state, tx) -> State, or InvalidTransaction (a ValueError) with
  exactly one of these messages, checked in this order:
      f"amount must be a positive whole number, got {amount!r}"  (an int > 0, not a bool)
      "sender and recipient must differ"
      "bad signature"                                   (tx.has_valid_signature)
      f"expected nonce {expected}, got {tx.nonce}"      (expected = the sender's
                                                         nonce so far, 0 at first:
                                                         this stops replays)
      f"insufficient funds: has {have}, needs {amount}" (a missing account has 0)
  Then the sender pays, the recipient (maybe new) receives, and the sender's
  nonce goes up by one.
- apply_block(state, txs): all of them in order, with functools.reduce;
  no transactions gives back the same state.
"""
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
    raise NotImplementedError  # TODO


def apply_tx(state: State, tx: Transaction) -> State:
    raise NotImplementedError  # TODO


def apply_block(state: State, txs) -> State:
    raise NotImplementedError  # TODO
