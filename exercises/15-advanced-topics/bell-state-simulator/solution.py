"""A two-qubit state-vector simulator with plain Python complex numbers."""
import math
import random

State = list[complex]
Gate = list[list[complex]]

BASIS = ["00", "01", "10", "11"]
SQRT_HALF = 1 / math.sqrt(2)
H: Gate = [[SQRT_HALF, SQRT_HALF], [SQRT_HALF, -SQRT_HALF]]
X: Gate = [[0, 1], [1, 0]]
Z: Gate = [[1, 0], [0, -1]]


def _mask(qubit: int) -> int:
    if qubit not in (0, 1):
        raise ValueError(f"qubit must be 0 or 1, got {qubit}")
    return 1 << (1 - qubit)


def _check(state: State) -> None:
    if len(state) != 4:
        raise ValueError(f"a two-qubit state needs 4 amplitudes, got {len(state)}")


def zero_state() -> State:
    return [1 + 0j, 0j, 0j, 0j]


def apply_gate(state: State, gate: Gate, qubit: int) -> State:
    _check(state)
    mask = _mask(qubit)
    new = list(state)
    for i in range(4):
        if i & mask:
            continue
        j = i | mask
        new[i] = gate[0][0] * state[i] + gate[0][1] * state[j]
        new[j] = gate[1][0] * state[i] + gate[1][1] * state[j]
    return new


def cnot(state: State, control: int, target: int) -> State:
    _check(state)
    if control == target:
        raise ValueError("control and target must differ")
    control_mask, target_mask = _mask(control), _mask(target)
    new = list(state)
    for i in range(4):
        if i & control_mask and not i & target_mask:
            j = i | target_mask
            new[i], new[j] = state[j], state[i]
    return new


def probabilities(state: State) -> dict[str, float]:
    _check(state)
    return {label: abs(amplitude) ** 2 for label, amplitude in zip(BASIS, state)}


def bell_state() -> State:
    return cnot(apply_gate(zero_state(), H, 0), 0, 1)


def measure(state: State, rng: random.Random) -> str:
    weights = list(probabilities(state).values())
    return rng.choices(BASIS, weights=weights)[0]
