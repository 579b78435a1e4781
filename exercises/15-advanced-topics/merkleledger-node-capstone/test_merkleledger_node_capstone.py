import functools
import hashlib
from dataclasses import FrozenInstanceError, replace

import pytest

from merkleledger.ledger import InvalidTransaction, State, apply_block, apply_tx, genesis
from merkleledger.merkle import inclusion_proof, leaf_hash, merkle_root, node_hash, verify_inclusion
from merkleledger.schnorr import generate_keypair, sign
from merkleledger.tx import Transaction, address_of, has_valid_signature, sign_transaction, signing_bytes, tx_id
from merkleledger_node_capstone import ZERO_HASH, Block, Node, Receipt, block_hash, verify_receipt

# RFC 6962 test data (the Certificate Transparency reference vectors)
CT_LEAVES = [bytes.fromhex(h) for h in
             ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]]
CT_ROOTS = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
CT_PROOFS = {
    0: ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"],
    5: ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"],
}


# --- merkle.py ----------------------------------------------------------------------


def test_leaves_and_nodes_are_hashed_with_different_prefixes():
    assert leaf_hash(b"abc") == hashlib.sha256(b"\x00abc").digest()
    assert node_hash(b"L" * 32, b"R" * 32) == hashlib.sha256(b"\x01" + b"L" * 32 + b"R" * 32).digest()


@pytest.mark.parametrize("size", range(9), ids=[f"{n} leaves" for n in range(9)])
def test_roots_match_the_rfc_6962_vectors(size):
    assert merkle_root(CT_LEAVES[:size]).hex() == CT_ROOTS[size], (
        "RFC 6962: an empty tree is sha256(b''), one leaf is leaf_hash(d), more are node_hash of the first k "
        "leaves (k = the largest power of two SMALLER than n) and the rest; an odd leaf is never duplicated"
    )


def test_an_odd_leaf_is_not_duplicated():
    a, b, c = b"a", b"b", b"c"
    assert merkle_root([a, b, c]) != merkle_root([a, b, c, c]), (
        "duplicating the last leaf (Bitcoin's rule) lets [a, b, c] and [a, b, c, c] share a root (CVE-2012-2459)"
    )


@pytest.mark.parametrize("index", [0, 5], ids=["leaf 0", "leaf 5"])
def test_inclusion_proofs_match_the_rfc_6962_vectors(index):
    assert [p.hex() for p in inclusion_proof(CT_LEAVES, index)] == CT_PROOFS[index], (
        "the proof lists the sibling hashes from the leaf up to the root"
    )


def test_every_proof_verifies_in_trees_of_every_size():
    for size in range(1, 20):
        leaves = [f"tx-{i}".encode() for i in range(size)]
        root = merkle_root(leaves)
        for index in range(size):
            proof = inclusion_proof(leaves, index)
            assert verify_inclusion(leaves[index], index, size, proof, root), f"leaf {index} of {size}"


def test_a_single_leaf_tree_has_an_empty_proof():
    assert inclusion_proof([b"only"], 0) == []
    assert verify_inclusion(b"only", 0, 1, [], leaf_hash(b"only"))
    assert not verify_inclusion(b"only", 1, 1, [], leaf_hash(b"only")), "an index must be below the size"


@pytest.mark.parametrize("index", [-1, 3, 10], ids=["negative", "one past the end", "far away"])
def test_a_proof_for_a_leaf_that_is_not_there_raises(index):
    with pytest.raises(IndexError, match=f"leaf {index} is not in a tree of 3 leaves"):
        inclusion_proof([b"a", b"b", b"c"], index)


@pytest.fixture
def tree():
    leaves = [f"tx-{i}".encode() for i in range(7)]
    return leaves, merkle_root(leaves)


def test_verification_fails_for_other_data(tree):
    leaves, root = tree
    assert not verify_inclusion(b"tx-9", 3, 7, inclusion_proof(leaves, 3), root)


@pytest.mark.parametrize(
    "leaf, index, size",
    [(0, 0, 9), (3, 2, 7), (3, 4, 7), (6, 5, 7), (6, 6, 8), (6, 6, 9), (5, 5, 6), (4, 4, 5), (3, 7, 7), (3, -1, 7), (6, 6, 6)],
    ids=["leaf 0 in a bigger tree: the proof is too short for it", "leaf 3 as 2", "leaf 3 as 4", "the last leaf as 5", "the last leaf in 8", "the last leaf in 9",
         "leaf 5 in 6", "leaf 4 in 5", "index = size", "negative index", "index past a smaller size"],
)
def test_verification_checks_the_position_and_the_size(tree, leaf, index, size):
    leaves, root = tree
    assert not verify_inclusion(leaves[leaf], index, size, inclusion_proof(leaves, leaf), root), (
        "the index and size decide which side each sibling is on (and when the last node is promoted): "
        "a proof is for one position in one tree size"
    )


def test_verification_fails_for_a_wrong_root_or_a_tampered_proof(tree):
    leaves, root = tree
    proof = inclusion_proof(leaves, 3)
    assert not verify_inclusion(leaves[3], 3, 7, proof, merkle_root(leaves[:6]))
    assert not verify_inclusion(leaves[3], 3, 7, proof[:-1], root), "a proof that is too short must fail"
    assert not verify_inclusion(leaves[3], 3, 7, proof + [root], root), "a proof that is too long must fail"
    assert not verify_inclusion(leaves[3], 3, 7, [proof[1], proof[0]] + proof[2:], root)


def test_an_inner_node_can_not_pass_as_a_leaf():
    leaves = [b"a", b"b", b"c", b"d"]
    root = merkle_root(leaves)
    left, right = merkle_root(leaves[:2]), merkle_root(leaves[2:])
    assert not verify_inclusion(left + right, 0, 1, [], root), "second preimage: leaves and nodes need different prefixes"
    assert not verify_inclusion(left, 0, 2, [right], root)


# --- tx.py ------------------------------------------------------------------------------


ALICE_SECRET, ALICE_PUBLIC = generate_keypair(b"alice")
BOB_SECRET, BOB_PUBLIC = generate_keypair(b"bob")
MALLORY_SECRET, MALLORY_PUBLIC = generate_keypair(b"mallory")


def address(public_key):
    return hashlib.sha256(public_key.to_bytes(128, "big")).hexdigest()[:40]


ALICE, BOB, MALLORY = address(ALICE_PUBLIC), address(BOB_PUBLIC), address(MALLORY_PUBLIC)


def test_an_address_is_the_start_of_the_public_keys_hash():
    assert address_of(ALICE_PUBLIC) == ALICE
    assert address_of(BOB_PUBLIC) == BOB


def test_the_signed_bytes_are_canonical_json():
    tx = Transaction(sender="a1", recipient="b2", amount=5, nonce=0)
    assert signing_bytes(tx) == b'{"amount":5,"nonce":0,"recipient":"b2","sender":"a1"}', (
        "sorted keys, no spaces, only the four fields a signature covers: every node must produce the same bytes"
    )
    assert signing_bytes(replace(tx, public_key=7, signature=(1, 2))) == signing_bytes(tx)


def test_a_transaction_id_is_the_hash_of_its_signed_bytes():
    tx = Transaction(sender=ALICE, recipient=BOB, amount=5, nonce=0)
    signed = sign_transaction(tx, ALICE_SECRET)
    assert tx_id(tx) == hashlib.sha256(signing_bytes(tx)).hexdigest() == tx_id(signed), (
        "the id does not depend on the signature (a re-encoded signature must not change it)"
    )
    assert tx_id(replace(tx, nonce=1)) != tx_id(tx)


def test_signing_returns_a_new_signed_transaction():
    tx = Transaction(sender=ALICE, recipient=BOB, amount=5, nonce=0)
    signed = sign_transaction(tx, ALICE_SECRET)
    assert tx.signature is None and tx.public_key is None, "a frozen transaction is never changed: return a copy"
    assert signed.public_key == ALICE_PUBLIC and signed.signature is not None
    assert has_valid_signature(signed)


def test_you_can_not_sign_for_someone_elses_address():
    with pytest.raises(ValueError, match=f"this key does not own {ALICE}"):
        sign_transaction(Transaction(sender=ALICE, recipient=MALLORY, amount=5, nonce=0), MALLORY_SECRET)


def test_a_changed_field_breaks_the_signature():
    signed = sign_transaction(Transaction(sender=ALICE, recipient=BOB, amount=5, nonce=0), ALICE_SECRET)
    for changed in (replace(signed, amount=500), replace(signed, recipient=MALLORY), replace(signed, nonce=1)):
        assert not has_valid_signature(changed)


def test_a_valid_signature_by_the_wrong_key_is_rejected():
    forged_body = Transaction(sender=ALICE, recipient=MALLORY, amount=100, nonce=0)
    forged = replace(forged_body, public_key=MALLORY_PUBLIC, signature=sign(MALLORY_SECRET, signing_bytes(forged_body)))
    assert not has_valid_signature(forged), (
        "Mallory signed with HER key: the signature is valid for her public key, but that key does not own "
        "Alice's address. Check address_of(public_key) == sender"
    )


def test_an_unsigned_transaction_has_no_valid_signature():
    assert not has_valid_signature(Transaction(sender=ALICE, recipient=BOB, amount=5, nonce=0))
    assert not has_valid_signature(Transaction(sender=ALICE, recipient=BOB, amount=5, nonce=0, public_key=ALICE_PUBLIC))


# --- ledger.py ----------------------------------------------------------------------


@functools.lru_cache(maxsize=None, typed=True)  # signing costs a few milliseconds: sign each transaction once
def pay(secret, sender, recipient, amount, nonce):
    return sign_transaction(Transaction(sender=sender, recipient=recipient, amount=amount, nonce=nonce), secret)


@pytest.fixture
def start():
    return genesis({ALICE: 100, BOB: 10})


def test_genesis_copies_and_freezes_the_balances():
    initial = {ALICE: 100}
    state = genesis(initial)
    initial[ALICE] = 1
    assert state.balances[ALICE] == 100, "copy the dict you are given"
    with pytest.raises(TypeError):
        state.balances[ALICE] = 5
    with pytest.raises(FrozenInstanceError):
        state.balances = {}
    assert dict(state.nonces) == {}


def test_apply_tx_returns_a_new_state_and_keeps_the_old_one(start):
    after = apply_tx(start, pay(ALICE_SECRET, ALICE, BOB, 30, 0))
    assert dict(after.balances) == {ALICE: 70, BOB: 40}
    assert dict(after.nonces) == {ALICE: 1}
    assert dict(start.balances) == {ALICE: 100, BOB: 10} and dict(start.nonces) == {}, (
        "apply_tx is pure: the old state must not change"
    )
    with pytest.raises(TypeError):
        after.balances[ALICE] = 0


def test_a_new_recipient_gets_an_account(start):
    after = apply_tx(start, pay(BOB_SECRET, BOB, MALLORY, 10, 0))
    assert after.balances[MALLORY] == 10 and after.balances[BOB] == 0, "spending the whole balance is allowed"


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: pay(ALICE_SECRET, ALICE, BOB, 0, 0), "amount must be a positive whole number, got 0"),
        (lambda: pay(ALICE_SECRET, ALICE, BOB, -5, 0), "amount must be a positive whole number, got -5"),
        (lambda: pay(ALICE_SECRET, ALICE, BOB, 2.5, 0), "amount must be a positive whole number, got 2.5"),
        (lambda: pay(ALICE_SECRET, ALICE, BOB, True, 0), "amount must be a positive whole number, got True"),
        (lambda: pay(ALICE_SECRET, ALICE, ALICE, 5, 0), "sender and recipient must differ"),
        (lambda: replace(pay(ALICE_SECRET, ALICE, BOB, 5, 0), amount=50), "bad signature"),
        (lambda: Transaction(ALICE, BOB, 5, 0), "bad signature"),
        (lambda: pay(ALICE_SECRET, ALICE, BOB, 5, 1), "expected nonce 0, got 1"),
        (lambda: pay(ALICE_SECRET, ALICE, BOB, 101, 0), "insufficient funds: has 100, needs 101"),
        (lambda: pay(MALLORY_SECRET, MALLORY, BOB, 1, 0), "insufficient funds: has 0, needs 1"),
    ],
    ids=["zero", "negative", "a fraction", "a bool", "to yourself", "tampered", "unsigned", "a nonce from the future",
         "one more than the balance", "an empty account"],
)
def test_invalid_transactions_are_refused(start, make, message):
    with pytest.raises(InvalidTransaction, match=f"^{message}$".replace("(", r"\(").replace(".", r"\.")):
        apply_tx(start, make())


def test_invalid_transaction_is_a_value_error():
    assert issubclass(InvalidTransaction, ValueError)


def test_a_replayed_transaction_is_refused(start):
    tx = pay(ALICE_SECRET, ALICE, BOB, 30, 0)
    once = apply_tx(start, tx)
    with pytest.raises(InvalidTransaction, match="expected nonce 1, got 0"):
        apply_tx(once, tx)


def test_apply_block_applies_in_order(start):
    txs = [pay(ALICE_SECRET, ALICE, BOB, 30, 0), pay(BOB_SECRET, BOB, MALLORY, 35, 0), pay(ALICE_SECRET, ALICE, MALLORY, 70, 1)]
    after = apply_block(start, txs)
    assert dict(after.balances) == {ALICE: 0, BOB: 5, MALLORY: 105}, "Bob can spend what Alice sent him earlier in the block"
    assert dict(after.nonces) == {ALICE: 2, BOB: 1}


def test_apply_block_with_no_transactions_returns_the_same_state(start):
    assert apply_block(start, []) is start


def test_a_block_with_one_bad_transaction_changes_nothing(start):
    txs = [pay(ALICE_SECRET, ALICE, BOB, 30, 0), pay(BOB_SECRET, BOB, MALLORY, 500, 0)]
    with pytest.raises(InvalidTransaction, match="insufficient funds"):
        apply_block(start, txs)
    assert dict(start.balances) == {ALICE: 100, BOB: 10}


# --- the node -------------------------------------------------------------------------


@pytest.fixture
def node():
    return Node({ALICE: 100, BOB: 10})


def test_blocks_are_chained_by_hash(node):
    first = node.submit([pay(ALICE_SECRET, ALICE, BOB, 30, 0)])
    second = node.submit([pay(BOB_SECRET, BOB, MALLORY, 5, 0), pay(ALICE_SECRET, ALICE, BOB, 1, 1)])
    third = node.submit([pay(ALICE_SECRET, ALICE, BOB, 1, 2)])
    assert (first.height, first.prev_hash) == (0, ZERO_HASH) and ZERO_HASH == "0" * 64
    assert (second.height, second.prev_hash) == (1, block_hash(first))
    assert (third.height, third.prev_hash) == (2, block_hash(second)), "link to the LAST block: self.blocks[-1]"
    assert node.blocks == [first, second, third]
    assert (node.balance(ALICE), node.balance(BOB), node.balance(MALLORY)) == (68, 37, 5)
    assert node.balance("nobody") == 0


def test_a_block_hash_covers_its_header():
    block = Block(3, "ab" * 32, "cd" * 32, ("x",))
    header = b'{"height":3,"merkle_root":"' + b"cd" * 32 + b'","prev_hash":"' + b"ab" * 32 + b'"}'
    assert block_hash(block) == hashlib.sha256(header).hexdigest()
    assert block_hash(replace(block, merkle_root="ce" * 32)) != block_hash(block)


def test_a_blocks_merkle_root_commits_to_its_transaction_ids(node):
    txs = [pay(ALICE_SECRET, ALICE, BOB, 1, n) for n in range(3)]
    block = node.submit(txs)
    ids = [tx_id(tx) for tx in txs]
    assert block.tx_ids == tuple(ids)
    assert block.merkle_root == merkle_root([bytes.fromhex(i) for i in ids]).hex(), (
        "the leaves are the transaction ids as bytes (bytes.fromhex), in block order"
    )


def test_receipts_prove_inclusion_to_a_light_client(node):
    node.submit([pay(ALICE_SECRET, ALICE, BOB, 1, 0)])
    txs = [pay(ALICE_SECRET, ALICE, BOB, 1, n) for n in range(1, 6)]
    block = node.submit(txs)
    target = tx_id(txs[3])
    receipt = node.receipt(target)
    assert (receipt.height, receipt.index, receipt.size) == (1, 3, 5)
    assert verify_receipt(target, receipt, block.merkle_root)
    assert not verify_receipt(tx_id(txs[2]), receipt, block.merkle_root), "a receipt proves one transaction only"
    assert not verify_receipt(target, receipt, node.blocks[0].merkle_root), "and only against its own block's root"
    assert not verify_receipt(target, replace(receipt, index=2), block.merkle_root)


def test_a_receipt_for_an_unknown_transaction_raises(node):
    node.submit([pay(ALICE_SECRET, ALICE, BOB, 1, 0)])
    with pytest.raises(KeyError, match="unknown transaction"):
        node.receipt("00" * 32)


def test_a_rejected_block_leaves_the_node_unchanged(node):
    node.submit([pay(ALICE_SECRET, ALICE, BOB, 30, 0)])
    bad = [pay(ALICE_SECRET, ALICE, BOB, 10, 1), pay(ALICE_SECRET, ALICE, BOB, 10, 1)]
    with pytest.raises(InvalidTransaction, match="expected nonce 2, got 1"):
        node.submit(bad)
    assert len(node.blocks) == 1 and node.balance(ALICE) == 70 and node.balance(BOB) == 40, (
        "a block is all or nothing: compute the new state first, then append and replace"
    )


def test_an_empty_block_is_refused(node):
    with pytest.raises(ValueError, match="a block needs at least one transaction"):
        node.submit([])
    with pytest.raises(ValueError, match="a block needs at least one transaction"):
        node.submit(iter([]))


def test_submit_accepts_any_iterable(node):
    block = node.submit(tx for tx in [pay(ALICE_SECRET, ALICE, BOB, 1, 0), pay(ALICE_SECRET, ALICE, BOB, 1, 1)])
    assert len(block.tx_ids) == 2 and node.balance(BOB) == 12, "turn the iterable into a list once: a generator runs once"


def test_blocks_and_states_are_immutable(node):
    block = node.submit([pay(ALICE_SECRET, ALICE, BOB, 1, 0)])
    with pytest.raises(FrozenInstanceError):
        block.merkle_root = "00" * 32
    assert isinstance(node.state, State)
    assert isinstance(node.receipt(block.tx_ids[0]), Receipt)
