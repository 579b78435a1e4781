import math
from collections import Counter

import numpy as np
import pytest

from numpy_statevector_grover import (
    H, S, X, Z, deutsch_jozsa, gate_on, grover, hadamard_all, ket, measure, phase_oracle, probabilities,
)


def close(a, b):
    return np.allclose(np.asarray(a), np.asarray(b), atol=1e-9)


# --- states and gates ------------------------------------------------------------


@pytest.mark.parametrize("bits, index", [("0", 0), ("1", 1), ("10", 2), ("011", 3), ("1000", 8)],
                         ids=["0", "1", "10", "011", "1000"])
def test_ket_puts_a_one_at_the_binary_index(bits, index):
    state = ket(bits)
    assert state.shape == (2 ** len(bits),)
    assert state.dtype == complex, "amplitudes are complex numbers: np.zeros(..., dtype=complex)"
    assert state[index] == 1 and np.count_nonzero(state) == 1, (
        f"|{bits}> is basis vector number int({bits!r}, 2) == {index}"
    )


@pytest.mark.parametrize("bits", ["", "012", "1 0", "ab"], ids=["empty", "a 2", "a space", "letters"])
def test_ket_refuses_a_label_that_is_not_bits(bits):
    with pytest.raises(ValueError, match="non-empty string of 0s and 1s"):
        ket(bits)


@pytest.mark.parametrize(
    "qubit, expected", [(0, "100"), (1, "010"), (2, "001")], ids=["qubit 0 is the left bit", "qubit 1", "qubit 2 is the right bit"]
)
def test_x_on_one_qubit_flips_that_bit(qubit, expected):
    assert close(gate_on(X, qubit, 3) @ ket("000"), ket(expected)), (
        "np.kron(A, B) puts A on the LEFT bit: build the kron product with the gate at position `qubit`"
    )


def test_x_flips_a_one_back_to_zero():
    assert close(gate_on(X, 2, 3) @ ket("011"), ket("010"))


def test_s_gives_the_one_part_of_a_superposition_a_phase_of_i():
    plus = gate_on(H, 0, 1) @ ket("0")
    assert close(gate_on(S, 0, 1) @ plus, np.array([1, 1j]) / math.sqrt(2))


def test_a_gate_on_a_qubit_is_a_full_size_unitary():
    matrix = gate_on(H, 1, 3)
    assert matrix.shape == (8, 8)
    assert close(matrix.conj().T @ matrix, np.eye(8))


def test_phases_stay_complex():
    state = gate_on(S, 1, 2) @ ket("01")
    assert close(state, 1j * ket("01")), "S puts a phase i on |1>: keep the amplitudes complex"
    assert close(gate_on(Z, 0, 2) @ ket("10"), -ket("10"))
    assert close(gate_on(Z, 0, 2) @ ket("01"), ket("01")), "Z on qubit 0 leaves a state whose qubit 0 is 0 alone"


@pytest.mark.parametrize("qubit", [-1, 2, 5], ids=["negative", "one past the end", "far away"])
def test_gate_on_refuses_a_qubit_outside_the_register(qubit):
    with pytest.raises(ValueError, match=f"qubit {qubit} does not exist in a 2-qubit register"):
        gate_on(X, qubit, 2)


@pytest.mark.parametrize("n", [1, 2, 3], ids=["1 qubit", "2 qubits", "3 qubits"])
def test_hadamard_on_every_qubit_gives_the_uniform_superposition(n):
    state = hadamard_all(n) @ ket("0" * n)
    assert close(state, np.full(2**n, 1 / math.sqrt(2**n))), "H on every qubit: np.kron of n copies of H"


def test_phase_oracle_flips_the_sign_where_f_is_one():
    oracle = phase_oracle(lambda bits: int(bits == "10"), 2)
    assert close(np.diag(oracle), [1, 1, -1, 1]), "a diagonal of (-1) ** f(label), labels '00', '01', '10', '11' in order"
    assert close(oracle - np.diag(np.diag(oracle)), np.zeros((4, 4))), "the oracle only changes signs: a diagonal matrix"


# --- probabilities and measurement ---------------------------------------------------


def test_probabilities_are_squared_magnitudes():
    state = np.array([0.6, 0.8j, 0, 0])
    assert close(probabilities(state), [0.36, 0.64, 0, 0]), "probability = abs(amplitude) ** 2, for complex amplitudes too"


@pytest.mark.parametrize("state", [[1, 1, 0, 0], [0.5, 0, 0, 0], [0, 0, 0, 0]], ids=["too long", "too short", "zero"])
def test_probabilities_refuse_a_state_that_is_not_normalised(state):
    with pytest.raises(ValueError, match="a state must have norm 1"):
        probabilities(np.array(state, dtype=complex))


def test_measure_samples_labels_with_the_given_generator():
    state = hadamard_all(2) @ ket("00")
    counts = measure(state, 4000, np.random.default_rng(7))
    assert isinstance(counts, Counter) and sum(counts.values()) == 4000
    assert set(counts) == {"00", "01", "10", "11"}, "labels are zero-padded bit strings: format(i, '02b')"
    assert all(900 < c < 1100 for c in counts.values()), f"a uniform state gives about 1000 each, got {counts}"
    again = measure(state, 4000, np.random.default_rng(7))
    assert counts == again, "draw with the rng you are given (rng.choice), so a seed reproduces the run"


def test_measure_does_not_use_the_global_random_state():
    np.random.seed(1)
    before = np.random.get_state()[1].copy()
    measure(hadamard_all(3) @ ket("000"), 50, np.random.default_rng(0))
    assert (np.random.get_state()[1] == before).all(), "use the rng argument, not np.random.choice"


def test_measuring_a_basis_state_always_gives_it():
    assert measure(ket("0110"), 25, np.random.default_rng(3)) == Counter({"0110": 25})


def test_measure_does_not_change_the_state():
    state = hadamard_all(2) @ ket("00")
    copy = state.copy()
    measure(state, 10, np.random.default_rng(0))
    assert close(state, copy)


# --- Deutsch-Jozsa ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "f, n, answer",
    [
        (lambda b: 0, 1, "constant"),
        (lambda b: 1, 3, "constant"),
        (lambda b: int(b[0]), 3, "balanced"),
        (lambda b: int(b[-1]), 2, "balanced"),
        (lambda b: b.count("1") % 2, 3, "balanced"),
        (lambda b: 1 - int(b[1]), 4, "balanced"),
    ],
    ids=["0 on 1 bit", "1 on 3 bits", "first bit", "last bit", "parity", "not the second bit"],
)
def test_deutsch_jozsa_tells_constant_from_balanced_in_one_query(f, n, answer):
    calls = []

    def counted(bits):
        calls.append(bits)
        return f(bits)

    assert deutsch_jozsa(counted, n) == answer
    assert sorted(calls) == sorted(format(i, f"0{n}b") for i in range(2**n)), (
        "build the oracle once from f (one call per label); the circuit then queries it once"
    )


# --- Grover --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "marked, at_least",
    [("01", 0.999), ("11", 0.999), ("101", 0.94), ("000", 0.94), ("1101", 0.96)],
    ids=["2 qubits", "2 qubits, 11", "3 qubits", "3 qubits, 000", "4 qubits"],
)
def test_grover_amplifies_the_marked_label(marked, at_least):
    state = grover(marked)
    probs = probabilities(state)
    assert probs.argmax() == int(marked, 2)
    assert probs[int(marked, 2)] >= at_least, (
        f"after floor(pi/4 * sqrt(2**n)) iterations |{marked}> should have probability >= {at_least}, "
        f"got {probs[int(marked, 2)]:.4f} (too many iterations overshoot: 2 iterations on 2 qubits give 0.25)"
    )


def test_grover_on_two_qubits_is_exact():
    assert close(np.abs(grover("10")), ket("10")), "one iteration on 2 qubits finds the label with certainty"


def test_grover_with_three_qubits_matches_the_known_amplitude():
    probs = probabilities(grover("110"))
    assert probs[6] == pytest.approx(0.9453125, abs=1e-9), "two iterations on 8 labels: sin^2(5 * asin(1/sqrt 8))"


@pytest.mark.parametrize("marked, message", [("1", "at least 2 qubits"), ("1x", "0s and 1s"), ("", "0s and 1s")],
                         ids=["one qubit", "not bits", "empty"])
def test_grover_refuses_bad_labels(marked, message):
    with pytest.raises(ValueError, match=message):
        grover(marked)
