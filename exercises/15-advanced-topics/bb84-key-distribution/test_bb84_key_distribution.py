import random

import pytest

from bb84_key_distribution import BB84Result, error_rate, intercept_resend, measure, run_bb84


class NoDice(random.Random):
    """A random source that must not be used."""

    def random(self):
        raise AssertionError("measuring in the photon's own basis is certain: do not draw a random number")

    def randrange(self, *args, **kwargs):
        self.random()

    def choice(self, seq):
        self.random()


@pytest.mark.parametrize("photon, basis", [(("+", 0), "+"), (("+", 1), "+"), (("x", 0), "x"), (("x", 1), "x")],
                         ids=["+0", "+1", "x0", "x1"])
def test_measuring_in_the_same_basis_gives_the_bit(photon, basis):
    assert measure(photon, basis, NoDice()) == photon[1]


def test_measuring_in_the_other_basis_is_a_coin_toss():
    rng = random.Random(5)
    ones = sum(measure(("+", 1), "x", rng) for _ in range(2000))
    assert 900 < ones < 1100, f"the wrong basis gives 0 or 1 with probability 1/2 each, got {ones} ones in 2000"
    zeros = sum(1 - measure(("x", 0), "+", rng) for _ in range(2000))
    assert 900 < zeros < 1100


@pytest.mark.parametrize("basis", ["z", "", "+x"], ids=["z", "empty", "both"])
def test_a_basis_is_plus_or_x(basis):
    with pytest.raises(ValueError, match="a basis is '\\+' or 'x'"):
        measure(("+", 0), basis, random.Random(0))


def test_sixteen_photons_are_enough():
    result = run_bb84(16, random.Random(1))
    assert len(result.alice_bits) == 16 and result.alice_key == result.bob_key


def test_eve_resends_in_her_own_basis():
    photons = [("+", i % 2) for i in range(2000)]
    resent = intercept_resend(photons, random.Random(9))
    assert len(resent) == 2000
    same_basis = [(p, r) for p, r in zip(photons, resent) if r[0] == "+"]
    assert 900 < len(same_basis) < 1100, "Eve picks her basis at random for every photon"
    assert all(p == r for p, r in same_basis), "where Eve guessed the basis right she resends the photon unchanged"
    assert photons == [("+", i % 2) for i in range(2000)], "do not change the list you are given"


@pytest.mark.parametrize("a, b, rate", [([0, 1, 1, 0], [0, 1, 0, 0], 0.25), ([1], [1], 0.0), ([0, 0], [1, 1], 1.0)],
                         ids=["one in four", "one equal bit", "all wrong"])
def test_error_rate(a, b, rate):
    assert error_rate(a, b) == rate


@pytest.mark.parametrize("a, b", [([], []), ([0, 1], [0])], ids=["empty", "different lengths"])
def test_error_rate_needs_two_lists_of_the_same_length(a, b):
    with pytest.raises(ValueError, match="compare two non-empty lists of the same length"):
        error_rate(a, b)


@pytest.fixture(scope="module")
def quiet():
    return run_bb84(2000, random.Random(2026))


def test_without_eve_alice_and_bob_share_a_key(quiet):
    assert isinstance(quiet, BB84Result)
    assert quiet.qber == 0.0 and quiet.aborted is False
    assert quiet.alice_key == quiet.bob_key and len(quiet.alice_key) > 600


def test_sifting_keeps_the_positions_where_the_bases_agree(quiet):
    assert len(quiet.alice_bits) == len(quiet.alice_bases) == len(quiet.bob_bases) == len(quiet.bob_bits) == 2000
    assert set(quiet.alice_bases + quiet.bob_bases) == {"+", "x"}
    assert 900 < sum(quiet.alice_bits) < 1100, "Alice's bits are random: 0 or 1 with probability 1/2"
    assert 900 < quiet.alice_bases.count("+") < 1100 and 900 < quiet.bob_bases.count("+") < 1100
    assert quiet.sifted == [i for i in range(2000) if quiet.alice_bases[i] == quiet.bob_bases[i]]
    assert 900 < len(quiet.sifted) < 1100, "about half of the bases agree"


def test_the_checked_bits_are_a_quarter_of_the_sifted_ones_and_leave_the_key(quiet):
    assert quiet.checked == sorted(quiet.checked) and set(quiet.checked) <= set(quiet.sifted)
    assert len(quiet.checked) == len(quiet.sifted) // 4 and len(set(quiet.checked)) == len(quiet.checked)
    kept = [i for i in quiet.sifted if i not in set(quiet.checked)]
    assert quiet.alice_key == [quiet.alice_bits[i] for i in kept], (
        "the bits compared in public are known to everyone: drop them from the key"
    )


def test_the_checked_bits_are_chosen_at_random(quiet):
    assert quiet.checked != quiet.sifted[: len(quiet.checked)], (
        "checking always the first quarter tells Eve which photons to leave alone: use rng.sample"
    )


def test_eve_is_detected_by_the_error_rate():
    result = run_bb84(4000, random.Random(7), eavesdropper=True)
    assert 0.18 < result.qber < 0.32, f"intercept-resend causes about 25% errors in the sifted bits, got {result.qber}"
    assert result.aborted is True and result.alice_key == [] and result.bob_key == [], "abort: no key at all"


def test_a_tolerant_threshold_keeps_a_noisy_key():
    result = run_bb84(4000, random.Random(7), eavesdropper=True, max_error=0.5)
    assert result.aborted is False and result.alice_key != result.bob_key
    kept = [i for i in result.sifted if i not in set(result.checked)]
    assert result.alice_key == [result.alice_bits[i] for i in kept], "Alice's key is made of HER bits"
    assert result.bob_key == [result.bob_bits[i] for i in kept], "Bob's key is made of HIS measured bits"
    assert 0.15 < error_rate(result.alice_key, result.bob_key) < 0.35


def test_an_error_rate_equal_to_the_limit_is_accepted():
    seen = run_bb84(600, random.Random(11), eavesdropper=True).qber
    assert run_bb84(600, random.Random(11), eavesdropper=True, max_error=seen).aborted is False, (
        "abort only when the error rate is ABOVE max_error"
    )
    assert run_bb84(600, random.Random(11), eavesdropper=True, max_error=seen - 1e-9).aborted is True


def test_the_default_limit_is_eleven_percent():
    seen = run_bb84(600, random.Random(11), eavesdropper=True).qber
    assert seen > 0.11
    calm = run_bb84(600, random.Random(3))
    assert calm.aborted is False


def test_only_the_given_random_source_is_used():
    random.seed(123)
    before = random.getstate()
    one = run_bb84(300, random.Random(42), eavesdropper=True)
    assert random.getstate() == before, "draw from rng, never from the random module's global functions"
    assert one == run_bb84(300, random.Random(42), eavesdropper=True), "the same seed gives the same run"


@pytest.mark.parametrize("n", [0, 15, -1], ids=["zero", "fifteen", "negative"])
def test_too_few_photons_are_refused(n):
    with pytest.raises(ValueError, match=f"send at least 16 photons, got {n}"):
        run_bb84(n, random.Random(0))
