"""An n-qubit simulator with numpy: gates are matrices, algorithms are products.

A state of n qubits is a numpy vector of 2**n complex amplitudes; the amplitude
of the basis label "101" is at index int("101", 2) == 5. Qubit 0 is the LEFT
bit. A gate on the whole register is a 2**n x 2**n matrix, applied with `@`.

    ket("10")                 array([0, 0, 1, 0]) as complex: |10>
    gate_on(X, 0, 2) @ ket("00")          -> ket("10")
    hadamard_all(2) @ ket("00")           -> [0.5, 0.5, 0.5, 0.5]

1. ket(bits): the basis vector (dtype=complex). ValueError("a basis label is
   a non-empty string of 0s and 1s, got ...") otherwise.
2. gate_on(gate, qubit, n): the 2x2 gate on one qubit, the identity on the
   others, as ONE matrix: np.kron of the n 2x2 matrices, left bit first.
   ValueError(f"qubit {qubit} does not exist in a {n}-qubit register") unless
   0 <= qubit < n.
3. hadamard_all(n): H on every qubit (np.kron of n copies of H).
4. phase_oracle(f, n): the diagonal matrix with (-1) ** f(label) for the
   labels "00..0", "00..1", ... in index order (f is called once per label).
5. probabilities(state): abs(amplitude) ** 2 as an array; ValueError("a state
   must have norm 1, ...") if they do not add up to 1 (within 1e-9).
6. measure(state, shots, rng) -> collections.Counter of zero-padded labels,
   drawn with rng.choice (rng is a numpy Generator: never np.random.*, so a
   seed reproduces a run). The state is not changed.
7. deutsch_jozsa(f, n) -> "constant" or "balanced" (f is promised to be one
   of them): H on all, the phase oracle, H on all, applied to |00..0>; the
   answer is "constant" exactly when |00..0> is then (almost) certain.
8. grover(marked) -> the final state of Grover's search for the label
   `marked` (n = len(marked) >= 2, else ValueError("Grover's search needs at
   least 2 qubits"); bad labels as in ket). Start from the uniform state
   |s> = H..H|0..0>; repeat floor(pi / 4 * sqrt(2**n)) times: the oracle for
   f(label) = 1 if label == marked, then the diffuser 2|s><s| - I
   (np.outer(s, s.conj())). Rounding instead of floor overshoots.
"""
import math
from collections import Counter
from collections.abc import Callable
from functools import reduce

import numpy as np

I2 = np.eye(2, dtype=complex)
H = np.array([[1, 1], [1, -1]], dtype=complex) / math.sqrt(2)
X = np.array([[0, 1], [1, 0]], dtype=complex)
Z = np.array([[1, 0], [0, -1]], dtype=complex)
S = np.array([[1, 0], [0, 1j]], dtype=complex)


def ket(bits: str) -> np.ndarray:
    raise NotImplementedError  # TODO


def gate_on(gate: np.ndarray, qubit: int, n: int) -> np.ndarray:
    raise NotImplementedError  # TODO


def hadamard_all(n: int) -> np.ndarray:
    raise NotImplementedError  # TODO


def phase_oracle(f: Callable[[str], int], n: int) -> np.ndarray:
    raise NotImplementedError  # TODO


def probabilities(state: np.ndarray) -> np.ndarray:
    raise NotImplementedError  # TODO


def measure(state: np.ndarray, shots: int, rng: np.random.Generator) -> Counter:
    raise NotImplementedError  # TODO


def deutsch_jozsa(f: Callable[[str], int], n: int) -> str:
    raise NotImplementedError  # TODO


def grover(marked: str) -> np.ndarray:
    raise NotImplementedError  # TODO
