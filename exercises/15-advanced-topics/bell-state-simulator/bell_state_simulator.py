"""Simulate a two-qubit quantum computer with a list of four complex numbers.

A state is the list of amplitudes of the basis states |00>, |01>, |10>, |11>
(in that order, the labels in BASIS). Qubit 0 is the LEFT bit of a label, so
the amplitude of label '10' (qubit 0 is 1, qubit 1 is 0) is state[2].
The probability of seeing a label when measuring is abs(amplitude) ** 2.

    zero_state()                 [1, 0, 0, 0]: both qubits 0
    apply_gate(state, g, q)      a NEW state: the 2x2 gate g (H, X or Z below)
                                 applied to qubit q. apply_gate(zero_state(), X, 0)
                                 is [0, 0, 1, 0], i.e. |10>.
    cnot(state, control, target) a NEW state: flips the target qubit in the
                                 basis states where the control qubit is 1.
    probabilities(state)         {"00": p, "01": p, "10": p, "11": p}
    bell_state()                 H on qubit 0, then CNOT(0 -> 1):
                                 [1/sqrt2, 0, 0, 1/sqrt2], so '00' or '11',
                                 half the time each: the qubits are entangled.
    measure(state, rng)          one label, drawn with the probabilities above
                                 using rng (a random.Random).

Errors (ValueError): a qubit other than 0 or 1 ("qubit must be 0 or 1 ..."),
cnot with control == target ("... must differ"), a state that does not have
exactly 4 amplitudes ("... 4 amplitudes ...").
"""
import math
import random

State = list[complex]
Gate = list[list[complex]]

BASIS = ["00", "01", "10", "11"]
SQRT_HALF = 1 / math.sqrt(2)
H: Gate = [[SQRT_HALF, SQRT_HALF], [SQRT_HALF, -SQRT_HALF]]
X: Gate = [[0, 1], [1, 0]]
Z: Gate = [[1, 0], [0, -1]]


def zero_state() -> State:
    return [1 + 0j, 0j, 0j, 0j]


def apply_gate(state: State, gate: Gate, qubit: int) -> State:
    # TODO: validate, then mix each pair of amplitudes that differ only in `qubit`.
    raise NotImplementedError


def cnot(state: State, control: int, target: int) -> State:
    # TODO: validate, then swap the amplitudes where the control bit is 1.
    raise NotImplementedError


def probabilities(state: State) -> dict[str, float]:
    # TODO: abs(amplitude) ** 2 for every basis label.
    raise NotImplementedError


def bell_state() -> State:
    # TODO: H on qubit 0, then CNOT with control 0 and target 1.
    raise NotImplementedError


def measure(state: State, rng: random.Random) -> str:
    # TODO: draw one label weighted by its probability.
    raise NotImplementedError
