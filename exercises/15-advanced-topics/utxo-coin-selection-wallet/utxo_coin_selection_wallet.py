"""Bitcoin-style money: unspent outputs, transactions that spend them, coin selection.

There are no accounts. Money is a set of unspent outputs (UTXOs): a dict
OutPoint(txid, index) -> Output(owner, amount), amounts in whole satoshis.
A Tx spends some outputs (inputs) and creates new ones; what the inputs hold
beyond the outputs is the miner's fee.

1. txid(tx): sha256 hex of
       json.dumps({"inputs": [[txid, index], ...], "outputs": [[owner, amount], ...]},
                  separators=(",", ":"))
2. apply_tx(utxos, tx) -> a NEW dict (the argument is never changed): the
   inputs removed, output i added under OutPoint(txid(tx), i). Refuse with
   InvalidTransaction (a ValueError), checked in this order:
     "a transaction needs inputs and outputs"               (either is empty)
     "the same output is spent twice in one transaction"     (Bitcoin Core's
                                                              CVE-2018-17144)
     "output amounts must be positive whole numbers, got ..." (int > 0, not a
                                 bool: a negative output could balance a huge one)
     f"missing or spent input {txid}:{index}"                (the first one)
     f"outputs ({paid}) exceed inputs ({spent})"             (equal is fine)
3. balance(utxos, owner): the sum of the owner's outputs.
4. select_coins(utxos, owner, amount, fee_per_input) -> list[OutPoint]: the
   owner's outputs, largest amount first (ties: by txid, then index), taken
   one by one until their total >= amount + fee_per_input * (coins taken).
   Not enough: InsufficientFunds(f"{owner} cannot pay {amount} plus fees").
5. build_payment(utxos, sender, recipient, amount, fee_per_input) -> Tx:
   amount must be an int > 0 (not a bool), else ValueError("amount must be a
   positive whole number, got ..."); inputs = select_coins(...); outputs =
   (Output(recipient, amount), Output(sender, change)) where change = inputs
   - amount - fees, but the change output is left out when change < DUST
   (it then goes to the miner).
       build_payment(utxos, "alice", "bob", 30_000, fee_per_input=250)
       # Tx(inputs=(<alice's 50 000 coin>,),
       #    outputs=(Output("bob", 30000), Output("alice", 19750)))
"""
import hashlib
import json
from dataclasses import dataclass
from typing import Mapping

DUST = 546


class InvalidTransaction(ValueError):
    pass


class InsufficientFunds(ValueError):
    pass


@dataclass(frozen=True)
class OutPoint:
    txid: str
    index: int


@dataclass(frozen=True)
class Output:
    owner: str
    amount: int


@dataclass(frozen=True)
class Tx:
    inputs: tuple[OutPoint, ...]
    outputs: tuple[Output, ...]


def txid(tx: Tx) -> str:
    raise NotImplementedError  # TODO


def apply_tx(utxos: Mapping[OutPoint, Output], tx: Tx) -> dict[OutPoint, Output]:
    raise NotImplementedError  # TODO


def balance(utxos: Mapping[OutPoint, Output], owner: str) -> int:
    raise NotImplementedError  # TODO


def select_coins(utxos: Mapping[OutPoint, Output], owner: str, amount: int, fee_per_input: int) -> list[OutPoint]:
    raise NotImplementedError  # TODO


def build_payment(utxos: Mapping[OutPoint, Output], sender: str, recipient: str, amount: int,
                  fee_per_input: int) -> Tx:
    raise NotImplementedError  # TODO
