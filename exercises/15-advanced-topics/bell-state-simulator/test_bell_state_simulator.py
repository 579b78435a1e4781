import math
import random
from collections import Counter

import pytest

from bell_state_simulator import BASIS, H, X, Z, apply_gate, bell_state, cnot, measure, probabilities, zero_state

S = 1 / math.sqrt(2)


def basis_state(label):
    """The state that is exactly `label`, e.g. basis_state("10") == [0, 0, 1, 0]."""
    return [1 + 0j if b == label else 0j for b in BASIS]


def test_zero_state_is_measured_as_00():
    assert probabilities(zero_state()) == pytest.approx({"00": 1.0, "01": 0.0, "10": 0.0, "11": 0.0})


@pytest.mark.parametrize(
    ("qubit", "expected"),
    [(0, "10"), (1, "01")],
    ids=["qubit-0-is-the-left-bit", "qubit-1-is-the-right-bit"],
)
def test_x_flips_one_qubit(qubit, expected):
    assert apply_gate(zero_state(), X, qubit) == pytest.approx(basis_state(expected)), (
        f"X on qubit {qubit} should give |{expected}>; qubit 0 is the LEFT bit, so '10' is state[2]"
    )


def test_h_makes_an_equal_superposition():
    assert apply_gate(zero_state(), H, 0) == pytest.approx([S, 0, S, 0])
    assert apply_gate(zero_state(), H, 1) == pytest.approx([S, S, 0, 0])


def test_h_twice_undoes_itself():
    state = apply_gate(apply_gate(zero_state(), H, 1), H, 1)
    assert state == pytest.approx(zero_state())


def test_z_changes_the_sign_of_1_only():
    assert apply_gate(zero_state(), Z, 0) == pytest.approx(zero_state()), "Z leaves |0> alone"
    one = apply_gate(zero_state(), X, 0)
    assert apply_gate(one, Z, 0) == pytest.approx([0, 0, -1, 0]), "Z turns |1> into -|1>"


def test_h_z_h_acts_like_x():
    state = zero_state()
    for gate in (H, Z, H):
        state = apply_gate(state, gate, 1)
    assert state == pytest.approx(basis_state("01"))


def test_apply_gate_returns_a_new_list():
    state = zero_state()
    apply_gate(state, X, 0)
    assert state == zero_state(), "the input state must not be changed"


@pytest.mark.parametrize(
    ("control", "target", "before", "after"),
    [
        (0, 1, "00", "00"),
        (0, 1, "01", "01"),
        (0, 1, "10", "11"),
        (0, 1, "11", "10"),
        (1, 0, "01", "11"),
        (1, 0, "10", "10"),
    ],
    ids=["control-0-off", "only-target-set", "control-0-flips", "control-0-flips-back", "control-1-flips-left", "control-1-off"],
)
def test_cnot_flips_the_target_only_when_the_control_is_1(control, target, before, after):
    assert cnot(basis_state(before), control, target) == pytest.approx(basis_state(after))


def test_cnot_returns_a_new_list():
    state = basis_state("10")
    cnot(state, 0, 1)
    assert state == basis_state("10")


Y = [[0, -1j], [1j, 0]]  # a gate with complex entries: |0> -> i|1>, |1> -> -i|0>
PHASE = [[1, 0], [0, 1j]]  # the S gate: multiplies the |1> part by i


def test_gates_may_have_complex_entries():
    assert apply_gate(zero_state(), Y, 1) == pytest.approx([0, 1j, 0, 0])
    assert apply_gate(apply_gate(zero_state(), H, 0), PHASE, 0) == pytest.approx([S, 0, 1j * S, 0])


def test_probabilities_use_the_magnitude_of_complex_amplitudes():
    state = apply_gate(apply_gate(zero_state(), H, 0), PHASE, 0)  # [S, 0, iS, 0]
    assert probabilities(state) == pytest.approx({"00": 0.5, "01": 0.0, "10": 0.5, "11": 0.0}), (
        "the probability is abs(amplitude) ** 2: for iS that is 0.5, while its .real ** 2 is 0 "
        "and its square is -0.5"
    )
    assert probabilities([0, 0, 0, -1j]) == pytest.approx({"00": 0.0, "01": 0.0, "10": 0.0, "11": 1.0})


def test_bell_state_amplitudes():
    assert bell_state() == pytest.approx([S, 0, 0, S])


def test_bell_state_gives_00_or_11_with_equal_probability():
    assert probabilities(bell_state()) == pytest.approx({"00": 0.5, "01": 0.0, "10": 0.0, "11": 0.5})


def test_probabilities_of_a_longer_circuit_sum_to_one():
    state = zero_state()
    for gate, qubit in [(H, 0), (H, 1), (Z, 1), (X, 0)]:
        state = apply_gate(state, gate, qubit)
    state = cnot(state, 1, 0)
    assert sum(probabilities(state).values()) == pytest.approx(1.0)
    assert probabilities(state) == pytest.approx({label: 0.25 for label in BASIS})


def test_measure_of_a_basis_state_is_certain():
    rng = random.Random(0)
    assert {measure(basis_state("10"), rng) for _ in range(50)} == {"10"}


def test_measure_of_a_bell_state_shows_entanglement():
    rng = random.Random(2024)
    counts = Counter(measure(bell_state(), rng) for _ in range(2000))
    assert set(counts) == {"00", "11"}, f"the two qubits must always agree, got {dict(counts)}"
    assert 900 < counts["00"] < 1100, f"about 1000 of 2000 expected, got {counts['00']}"


def test_measure_follows_unequal_probabilities():
    state = [math.sqrt(0.9), 0j, 0j, 1j * math.sqrt(0.1)]
    rng = random.Random(11)
    counts = Counter(measure(state, rng) for _ in range(2000))
    assert set(counts) == {"00", "11"}
    assert 1700 < counts["00"] < 1900, (
        f"'00' has probability 0.9, so about 1800 of 2000 expected, got {counts['00']}: "
        "draw with the probabilities as weights, not uniformly among the possible labels"
    )


def test_measure_uses_the_given_random_generator():
    first_rng, second_rng = random.Random(7), random.Random(7)
    first = [measure(bell_state(), first_rng) for _ in range(20)]
    second = [measure(bell_state(), second_rng) for _ in range(20)]
    assert first == second, "two generators with the same seed must give the same measurements"


@pytest.mark.parametrize("qubit", [2, -1], ids=["too-big", "negative"])
def test_apply_gate_rejects_an_unknown_qubit(qubit):
    with pytest.raises(ValueError, match="qubit must be 0 or 1"):
        apply_gate(zero_state(), X, qubit)


@pytest.mark.parametrize(("control", "target"), [(0, 2), (-1, 0)], ids=["target-too-big", "negative-control"])
def test_cnot_rejects_an_unknown_qubit(control, target):
    with pytest.raises(ValueError, match="qubit must be 0 or 1"):
        cnot(zero_state(), control, target)


def test_cnot_rejects_the_same_control_and_target():
    with pytest.raises(ValueError, match="must differ"):
        cnot(zero_state(), 1, 1)


@pytest.mark.parametrize("state", [[1, 0], [1, 0, 0, 0, 0, 0, 0, 0]], ids=["one-qubit", "three-qubits"])
def test_functions_reject_a_state_without_4_amplitudes(state):
    with pytest.raises(ValueError, match="4 amplitudes"):
        probabilities(state)
    with pytest.raises(ValueError, match="4 amplitudes"):
        apply_gate(state, X, 0)
    with pytest.raises(ValueError, match="4 amplitudes"):
        cnot(state, 0, 1)
    with pytest.raises(ValueError, match="4 amplitudes"):
        measure(state, random.Random(0))
