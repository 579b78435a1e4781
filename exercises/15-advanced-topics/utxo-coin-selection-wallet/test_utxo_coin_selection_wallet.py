import hashlib
import json

import pytest

from utxo_coin_selection_wallet import (
    DUST, InsufficientFunds, InvalidTransaction, OutPoint, Output, Tx, apply_tx, balance, build_payment,
    select_coins, txid,
)

COINBASE = "c0" * 32
A1, A2, A3, A4 = (OutPoint(COINBASE, i) for i in range(4))
B1 = OutPoint("b0" * 32, 0)
A_TIE = OutPoint("a0" * 32, 7)


@pytest.fixture
def utxos():
    return {
        A1: Output("alice", 20_000),
        A2: Output("alice", 50_000),
        A3: Output("alice", 1_000),
        A4: Output("alice", 20_000),
        B1: Output("bob", 5_000),
    }


# --- txid -----------------------------------------------------------------------------


def test_a_txid_hashes_the_canonical_json_of_the_transaction():
    tx = Tx((OutPoint("ab", 1),), (Output("bob", 5), Output("alice", 7)))
    body = b'{"inputs":[["ab",1]],"outputs":[["bob",5],["alice",7]]}'
    assert txid(tx) == hashlib.sha256(body).hexdigest(), (
        "json.dumps of {'inputs': [[txid, index]...], 'outputs': [[owner, amount]...]} with separators (',', ':')"
    )


def test_different_transactions_have_different_ids():
    one = Tx((A1,), (Output("bob", 5),))
    assert txid(one) != txid(Tx((A1,), (Output("bob", 6),)))
    assert txid(one) != txid(Tx((A4,), (Output("bob", 5),)))


# --- apply_tx -----------------------------------------------------------------------------


def test_a_valid_transaction_spends_its_inputs_and_creates_outputs(utxos):
    before = dict(utxos)
    tx = Tx((A2, A3), (Output("bob", 40_000), Output("alice", 10_500)))
    after = apply_tx(utxos, tx)
    assert utxos == before, "apply_tx returns a NEW set of unspent outputs; the old one is unchanged"
    assert A2 not in after and A3 not in after, "spent outputs leave the set"
    tid = txid(tx)
    assert after[OutPoint(tid, 0)] == Output("bob", 40_000) and after[OutPoint(tid, 1)] == Output("alice", 10_500)
    assert balance(after, "bob") == 45_000 and balance(after, "alice") == 50_500, "500 went to the miner as fee"
    assert len(after) == 5


def test_an_output_of_one_satoshi_is_fine(utxos):
    after = apply_tx(utxos, Tx((B1,), (Output("carol", 1), Output("bob", 4_999))))
    assert balance(after, "carol") == 1


def test_spending_everything_with_no_fee_is_allowed(utxos):
    after = apply_tx(utxos, Tx((B1,), (Output("carol", 5_000),)))
    assert balance(after, "carol") == 5_000 and balance(after, "bob") == 0


def test_an_output_spent_once_can_not_be_spent_again(utxos):
    after = apply_tx(utxos, Tx((B1,), (Output("carol", 5_000),)))
    with pytest.raises(InvalidTransaction, match=f"missing or spent input {'b0' * 32}:0"):
        apply_tx(after, Tx((B1,), (Output("dave", 5_000),)))


def test_the_same_input_twice_in_one_transaction_is_refused(utxos):
    with pytest.raises(InvalidTransaction, match="the same output is spent twice in one transaction"):
        apply_tx(utxos, Tx((A2, A2), (Output("bob", 100_000),)))


@pytest.mark.parametrize(
    "outputs",
    [(Output("bob", 60_000), Output("alice", -10_000)), (Output("bob", 0),), (Output("bob", True),),
     (Output("bob", 2.5),)],
    ids=["a negative output that balances the sum", "zero", "a bool", "a fraction"],
)
def test_every_output_amount_must_be_a_positive_whole_number(utxos, outputs):
    with pytest.raises(InvalidTransaction, match="output amounts must be positive whole numbers"):
        apply_tx(utxos, Tx((A2,), outputs))


def test_outputs_may_not_exceed_inputs(utxos):
    with pytest.raises(InvalidTransaction, match=r"outputs \(50001\) exceed inputs \(50000\)"):
        apply_tx(utxos, Tx((A2,), (Output("bob", 50_001),)))


@pytest.mark.parametrize("tx", [Tx((), (Output("bob", 1),)), Tx((A1,), ())], ids=["no inputs", "no outputs"])
def test_a_transaction_needs_inputs_and_outputs(utxos, tx):
    with pytest.raises(InvalidTransaction, match="a transaction needs inputs and outputs"):
        apply_tx(utxos, tx)


def test_invalid_transaction_is_a_value_error():
    assert issubclass(InvalidTransaction, ValueError) and issubclass(InsufficientFunds, ValueError)


# --- select_coins -------------------------------------------------------------------------


def test_coins_are_taken_largest_first_until_amount_and_fees_are_covered(utxos):
    assert select_coins(utxos, "alice", 40_000, fee_per_input=100) == [A2]
    assert select_coins(utxos, "alice", 60_000, fee_per_input=100) == [A2, A1], (
        "largest first; equal amounts by txid, then index"
    )


def test_the_fee_of_each_added_input_counts(utxos):
    assert select_coins(utxos, "alice", 49_900, fee_per_input=100) == [A2], "49 900 + 1 x 100 = 50 000: exactly enough"
    assert select_coins(utxos, "alice", 49_901, fee_per_input=100) == [A2, A1]
    assert select_coins(utxos, "alice", 89_801, fee_per_input=100) == [A2, A1, A4, A3], (
        "89 801 + 4 x 100 = 90 201 > 90 000 with three coins: a fourth is needed"
    )


def test_ties_are_broken_by_txid_then_index():
    utxos = {A4: Output("alice", 10), A_TIE: Output("alice", 10), A1: Output("alice", 10)}
    assert select_coins(utxos, "alice", 25, fee_per_input=0) == [A_TIE, A1, A4]


def test_only_the_owners_coins_are_used(utxos):
    assert select_coins(utxos, "bob", 4_900, fee_per_input=100) == [B1]
    with pytest.raises(InsufficientFunds, match="bob cannot pay 5000 plus fees"):
        select_coins(utxos, "bob", 5_000, fee_per_input=100)


def test_not_enough_money_raises(utxos):
    with pytest.raises(InsufficientFunds, match="alice cannot pay 91001 plus fees"):
        select_coins(utxos, "alice", 91_001, fee_per_input=0)
    with pytest.raises(InsufficientFunds):
        select_coins(utxos, "nobody", 1, fee_per_input=0)


# --- build_payment ------------------------------------------------------------------------


def test_a_payment_sends_the_change_back(utxos):
    tx = build_payment(utxos, "alice", "bob", 30_000, fee_per_input=250)
    assert tx == Tx((A2,), (Output("bob", 30_000), Output("alice", 19_750))), (
        "outputs: the payment first, then the change (inputs - amount - fees) back to the sender"
    )
    after = apply_tx(utxos, tx)
    assert balance(after, "bob") == 35_000 and balance(after, "alice") == 60_750


def test_a_payment_can_need_several_coins(utxos):
    tx = build_payment(utxos, "alice", "bob", 60_000, fee_per_input=100)
    assert tx == Tx((A2, A1), (Output("bob", 60_000), Output("alice", 9_800)))


def test_a_payment_of_one_satoshi_is_fine(utxos):
    tx = build_payment(utxos, "bob", "carol", 1, fee_per_input=100)
    assert tx == Tx((B1,), (Output("carol", 1), Output("bob", 4_899)))


@pytest.mark.parametrize(
    "amount, change_output",
    [(50_000 - 100 - DUST, True), (50_000 - 100 - DUST + 1, False), (49_900, False)],
    ids=["change of exactly DUST is kept", "change below DUST goes to the fee", "no change at all"],
)
def test_dust_change_is_left_to_the_miner(utxos, amount, change_output):
    assert DUST == 546, "Bitcoin Core's dust limit for a standard output"
    tx = build_payment(utxos, "alice", "bob", amount, fee_per_input=100)
    assert tx.inputs == (A2,)
    assert (len(tx.outputs) == 2) is change_output, (
        f"a change output under {DUST} costs more to spend than it is worth: leave it as fee"
    )
    if change_output:
        assert tx.outputs[1] == Output("alice", DUST)


@pytest.mark.parametrize("amount", [0, -5, 1.5, True], ids=["zero", "negative", "a fraction", "a bool"])
def test_a_payment_amount_must_be_a_positive_whole_number(utxos, amount):
    with pytest.raises(ValueError, match="amount must be a positive whole number"):
        build_payment(utxos, "alice", "bob", amount, fee_per_input=100)


def test_a_payment_the_sender_cannot_afford_raises(utxos):
    with pytest.raises(InsufficientFunds):
        build_payment(utxos, "bob", "alice", 5_000, fee_per_input=1)
