import dataclasses

import pytest

from proof_of_work_chain import GENESIS_PREV_HASH, Block, Blockchain, block_hash, mine


@pytest.fixture
def chain():
    chain = Blockchain(difficulty=2)
    for payment in ["Alice pays Bob 5", "Bob pays Carol 2", "Carol pays Zoë 1 €"]:
        chain.add(payment)
    return chain


def tamper(chain, position, **changes):
    chain.blocks[position] = dataclasses.replace(chain.blocks[position], **changes)


def test_block_hash_is_the_documented_sha256():
    assert block_hash(0, "genesis", GENESIS_PREV_HASH, 0) == (
        "80751d9782e8ccffa7635c346f8bea1dea22303fdeaea025a612fccd9204e63a"
    )


@pytest.mark.parametrize(
    "change",
    [
        dict(index=1),
        dict(data="genesis!"),
        dict(prev_hash="1" * 64),
        dict(nonce=1),
    ],
    ids=["index", "data", "prev-hash", "nonce"],
)
def test_block_hash_changes_when_any_input_changes(change):
    inputs = dict(index=0, data="genesis", prev_hash=GENESIS_PREV_HASH, nonce=0)
    assert block_hash(**(inputs | change)) != block_hash(**inputs)


def test_mine_finds_the_documented_genesis_nonce():
    block = mine(0, "genesis", GENESIS_PREV_HASH, 2)
    assert block == Block(
        index=0,
        data="genesis",
        prev_hash=GENESIS_PREV_HASH,
        nonce=106,
        hash="00d1b74bfb2c2b466ea05e516e341088646afa320e6d193566489016641f0994",
    )


def test_mine_returns_the_smallest_nonce_that_works():
    block = mine(1, "Alice pays Bob 5", "ab" * 32, 3)
    assert block.hash.startswith("000")
    assert block.hash == block_hash(1, "Alice pays Bob 5", "ab" * 32, block.nonce)
    for nonce in range(block.nonce):
        assert not block_hash(1, "Alice pays Bob 5", "ab" * 32, nonce).startswith("000"), (
            f"nonce {nonce} already works, so {block.nonce} is not the smallest"
        )


def test_mine_with_difficulty_zero_accepts_the_first_nonce():
    assert mine(5, "free", GENESIS_PREV_HASH, 0).nonce == 0


def test_mine_rejects_a_negative_difficulty():
    with pytest.raises(ValueError, match="must not be negative"):
        mine(0, "genesis", GENESIS_PREV_HASH, -1)


def test_a_new_chain_holds_only_the_genesis_block():
    chain = Blockchain(difficulty=2)
    assert chain.blocks == [mine(0, "genesis", GENESIS_PREV_HASH, 2)]
    assert chain.is_valid()


def test_the_default_difficulty_is_2():
    chain = Blockchain()
    assert chain.difficulty == 2
    assert chain.blocks[0].nonce == 106, "the genesis block mined at difficulty 2 has nonce 106"


def test_add_links_each_block_to_the_previous_one(chain):
    assert [block.index for block in chain.blocks] == [0, 1, 2, 3]
    for previous, block in zip(chain.blocks, chain.blocks[1:]):
        assert block.prev_hash == previous.hash
        assert block.hash.startswith("00")
    assert chain.blocks[-1].data == "Carol pays Zoë 1 €"


def test_add_returns_the_mined_block(chain):
    block = chain.add("Zoë pays Alice 1")
    assert chain.blocks[-1] == block


def test_an_untouched_chain_is_valid(chain):
    assert chain.is_valid()


def test_changing_old_data_is_detected(chain):
    tamper(chain, 1, data="Alice pays Bob 500")
    assert not chain.is_valid(), "the stored hash no longer matches the data"


@pytest.mark.parametrize("position", [0, -1], ids=["genesis", "newest"])
def test_changing_the_first_or_last_block_is_detected(chain, position):
    tamper(chain, position, data="Mallory pays Mallory 1000")
    assert not chain.is_valid(), (
        "every block's hash must be recomputed, the genesis block and the newest one included"
    )


def test_a_forged_newest_block_without_proof_of_work_is_detected(chain):
    last = chain.blocks[-1]
    forged = "Carol pays Mallory 1000"
    nonce = next(n for n in range(1000) if not block_hash(last.index, forged, last.prev_hash, n).startswith("0"))
    tamper(chain, -1, data=forged, nonce=nonce, hash=block_hash(last.index, forged, last.prev_hash, nonce))
    assert not chain.is_valid(), (
        "the newest block has a correct hash and link but no proof of work: its hash must start with "
        "the difficulty's zeros (no later block would notice the change)"
    )


def test_changing_data_and_fixing_its_hash_is_still_detected(chain):
    forged = "Alice pays Bob 500"
    tamper(chain, 1, data=forged, hash=block_hash(1, forged, chain.blocks[0].hash, chain.blocks[1].nonce))
    assert not chain.is_valid(), "the new hash lacks the proof of work (and block 2 points to the old hash)"


def test_re_mining_one_block_breaks_the_link_to_the_next(chain):
    chain.blocks[1] = mine(1, "Alice pays Bob 500", chain.blocks[0].hash, 2)
    assert not chain.is_valid(), "block 2 still points to the hash of the original block 1"


def test_re_mining_every_later_block_makes_a_valid_chain_again(chain):
    previous = chain.blocks[0]
    for i in range(1, len(chain.blocks)):
        data = "Alice pays Bob 500" if i == 1 else chain.blocks[i].data
        previous = chain.blocks[i] = mine(i, data, previous.hash, 2)
    assert chain.is_valid(), "redoing ALL the later work is the only way to rewrite history"


@pytest.mark.parametrize(
    "attack",
    [
        lambda blocks: blocks.pop(2),
        lambda blocks: blocks.reverse(),
        lambda blocks: blocks.__setitem__(0, mine(0, "genesis", "f" * 64, 2)),
    ],
    ids=["block-removed", "blocks-reordered", "genesis-with-wrong-parent"],
)
def test_structural_changes_are_detected(chain, attack):
    attack(chain.blocks)
    assert not chain.is_valid()
