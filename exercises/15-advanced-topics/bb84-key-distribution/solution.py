"""BB84 quantum key distribution, simulated: bases, sifting, an eavesdropper, QBER."""
import random
from dataclasses import dataclass

BASES = "+x"
Photon = tuple[str, int]


def measure(photon: Photon, basis: str, rng: random.Random) -> int:
    if basis not in ("+", "x"):
        raise ValueError(f"a basis is '+' or 'x', got {basis!r}")
    photon_basis, bit = photon
    return bit if photon_basis == basis else rng.randrange(2)


def intercept_resend(photons: list[Photon], rng: random.Random) -> list[Photon]:
    resent = []
    for photon in photons:
        basis = rng.choice(BASES)
        resent.append((basis, measure(photon, basis, rng)))
    return resent


def error_rate(a: list[int], b: list[int]) -> float:
    if len(a) != len(b) or not a:
        raise ValueError("compare two non-empty lists of the same length")
    return sum(x != y for x, y in zip(a, b)) / len(a)


@dataclass(frozen=True)
class BB84Result:
    alice_bits: list[int]
    alice_bases: str
    bob_bases: str
    bob_bits: list[int]
    sifted: list[int]
    checked: list[int]
    qber: float
    aborted: bool
    alice_key: list[int]
    bob_key: list[int]


def run_bb84(n: int, rng: random.Random, *, eavesdropper: bool = False, max_error: float = 0.11) -> BB84Result:
    if n < 16:
        raise ValueError(f"send at least 16 photons, got {n}")
    alice_bits = [rng.randrange(2) for _ in range(n)]
    alice_bases = "".join(rng.choice(BASES) for _ in range(n))
    photons = list(zip(alice_bases, alice_bits))
    if eavesdropper:
        photons = intercept_resend(photons, rng)
    bob_bases = "".join(rng.choice(BASES) for _ in range(n))
    bob_bits = [measure(p, b, rng) for p, b in zip(photons, bob_bases)]
    sifted = [i for i in range(n) if alice_bases[i] == bob_bases[i]]
    checked = sorted(rng.sample(sifted, len(sifted) // 4))
    qber = error_rate([alice_bits[i] for i in checked], [bob_bits[i] for i in checked])
    aborted = qber > max_error
    kept = [i for i in sifted if i not in set(checked)] if not aborted else []
    return BB84Result(alice_bits, alice_bases, bob_bases, bob_bits, sifted, checked, qber, aborted,
                      [alice_bits[i] for i in kept], [bob_bits[i] for i in kept])
