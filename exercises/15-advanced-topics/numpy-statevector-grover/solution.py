"""An n-qubit statevector simulator with numpy: gates as matrices, Deutsch-Jozsa, Grover."""
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


def _check_bits(bits: str) -> None:
    if not bits or set(bits) - {"0", "1"}:
        raise ValueError(f"a basis label is a non-empty string of 0s and 1s, got {bits!r}")


def ket(bits: str) -> np.ndarray:
    _check_bits(bits)
    state = np.zeros(2 ** len(bits), dtype=complex)
    state[int(bits, 2)] = 1
    return state


def gate_on(gate: np.ndarray, qubit: int, n: int) -> np.ndarray:
    if not 0 <= qubit < n:
        raise ValueError(f"qubit {qubit} does not exist in a {n}-qubit register")
    return reduce(np.kron, [gate if q == qubit else I2 for q in range(n)])


def hadamard_all(n: int) -> np.ndarray:
    return reduce(np.kron, [H] * n)


def phase_oracle(f: Callable[[str], int], n: int) -> np.ndarray:
    labels = [format(i, f"0{n}b") for i in range(2**n)]
    return np.diag([(-1) ** f(label) for label in labels]).astype(complex)


def probabilities(state: np.ndarray) -> np.ndarray:
    probs = np.abs(state) ** 2
    if not math.isclose(probs.sum(), 1.0, abs_tol=1e-9):
        raise ValueError(f"a state must have norm 1, this one has {math.sqrt(probs.sum()):.6f}")
    return probs


def measure(state: np.ndarray, shots: int, rng: np.random.Generator) -> Counter:
    probs = probabilities(state)
    n = int(math.log2(len(state)))
    outcomes = rng.choice(len(state), size=shots, p=probs / probs.sum())
    return Counter(format(int(i), f"0{n}b") for i in outcomes)


def deutsch_jozsa(f: Callable[[str], int], n: int) -> str:
    hn = hadamard_all(n)
    state = hn @ phase_oracle(f, n) @ hn @ ket("0" * n)
    return "constant" if probabilities(state)[0] > 0.5 else "balanced"


def grover(marked: str) -> np.ndarray:
    _check_bits(marked)
    n = len(marked)
    if n < 2:
        raise ValueError("Grover's search needs at least 2 qubits")
    hn = hadamard_all(n)
    uniform = hn @ ket("0" * n)
    oracle = phase_oracle(lambda label: int(label == marked), n)
    diffuser = 2 * np.outer(uniform, uniform.conj()) - np.eye(2**n)
    state = uniform
    for _ in range(math.floor(math.pi / 4 * math.sqrt(2**n))):
        state = diffuser @ (oracle @ state)
    return state
