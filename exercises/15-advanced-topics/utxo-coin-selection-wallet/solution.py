"""Bitcoin-style unspent outputs: validate transactions, select coins, make change."""
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
    body = {
        "inputs": [[o.txid, o.index] for o in tx.inputs],
        "outputs": [[o.owner, o.amount] for o in tx.outputs],
    }
    return hashlib.sha256(json.dumps(body, separators=(",", ":")).encode()).hexdigest()


def apply_tx(utxos: Mapping[OutPoint, Output], tx: Tx) -> dict[OutPoint, Output]:
    if not tx.inputs or not tx.outputs:
        raise InvalidTransaction("a transaction needs inputs and outputs")
    if len(set(tx.inputs)) != len(tx.inputs):
        raise InvalidTransaction("the same output is spent twice in one transaction")
    for out in tx.outputs:
        if isinstance(out.amount, bool) or not isinstance(out.amount, int) or out.amount <= 0:
            raise InvalidTransaction(f"output amounts must be positive whole numbers, got {out.amount!r}")
    missing = [o for o in tx.inputs if o not in utxos]
    if missing:
        raise InvalidTransaction(f"missing or spent input {missing[0].txid}:{missing[0].index}")
    spent = sum(utxos[o].amount for o in tx.inputs)
    paid = sum(o.amount for o in tx.outputs)
    if paid > spent:
        raise InvalidTransaction(f"outputs ({paid}) exceed inputs ({spent})")
    new = {point: out for point, out in utxos.items() if point not in tx.inputs}
    tid = txid(tx)
    for index, out in enumerate(tx.outputs):
        new[OutPoint(tid, index)] = out
    return new


def balance(utxos: Mapping[OutPoint, Output], owner: str) -> int:
    return sum(out.amount for out in utxos.values() if out.owner == owner)


def select_coins(utxos: Mapping[OutPoint, Output], owner: str, amount: int, fee_per_input: int) -> list[OutPoint]:
    mine = sorted(
        (point for point, out in utxos.items() if out.owner == owner),
        key=lambda p: (-utxos[p].amount, p.txid, p.index),
    )
    chosen: list[OutPoint] = []
    total = 0
    for point in mine:
        chosen.append(point)
        total += utxos[point].amount
        if total >= amount + fee_per_input * len(chosen):
            return chosen
    raise InsufficientFunds(f"{owner} cannot pay {amount} plus fees")


def build_payment(utxos: Mapping[OutPoint, Output], sender: str, recipient: str, amount: int,
                  fee_per_input: int) -> Tx:
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ValueError(f"amount must be a positive whole number, got {amount!r}")
    chosen = select_coins(utxos, sender, amount, fee_per_input)
    change = sum(utxos[p].amount for p in chosen) - amount - fee_per_input * len(chosen)
    outputs = [Output(recipient, amount)]
    if change >= DUST:
        outputs.append(Output(sender, change))
    return Tx(tuple(chosen), tuple(outputs))
