"""BB84 quantum key distribution (Bennett and Brassard, 1984), simulated.

Alice sends single photons, each a bit encoded in one of two bases: "+"
(rectilinear) or "x" (diagonal). A photon here is a pair (basis, bit).
Measuring it in ITS basis gives the bit for certain; measuring it in the
other basis gives 0 or 1 at random (and destroys the original bit). So a spy
who measures and re-sends (intercept-resend) must guess bases, and every
wrong guess can flip Bob's bit: about 25% errors in the bits where Alice
and Bob used the same basis. That error rate (QBER) reveals her.

1. measure(photon, basis, rng) -> int: the bit if the bases match (no random
   number drawn), else rng.randrange(2). basis must be exactly "+" or "x",
   else ValueError("a basis is '+' or 'x', got ...").
2. intercept_resend(photons, rng) -> a NEW list: for each photon Eve picks
   rng.choice(BASES), measures in it, and sends (her basis, her bit).
3. error_rate(a, b) -> the fraction of positions that differ; ValueError
   ("compare two non-empty lists of the same length") otherwise.
4. run_bb84(n, rng, eavesdropper=False, max_error=0.11) -> BB84Result.
   n < 16: ValueError(f"send at least 16 photons, got {n}"). Use only rng:
     alice_bits (n random bits), alice_bases (a str of n random "+"/"x"),
     the photons zip(alice_bases, alice_bits), passed through
     intercept_resend when eavesdropper is True, bob_bases (random too),
     bob_bits (Bob measures each photon in his basis);
     sifted  = the positions i where alice_bases[i] == bob_bases[i];
     checked = sorted(rng.sample(sifted, len(sifted) // 4)): bits Alice and
               Bob compare in public (at random: if the same positions were
               always checked, Eve would know which photons to leave alone);
     qber    = error_rate of Alice's and Bob's bits at the checked positions;
     aborted = qber > max_error (equal is still accepted);
     alice_key / bob_key = their bits at the sifted positions that were NOT
               checked (the checked bits are public now), in order; both []
               if aborted.
"""
import random
from dataclasses import dataclass

BASES = "+x"
Photon = tuple[str, int]


def measure(photon: Photon, basis: str, rng: random.Random) -> int:
    raise NotImplementedError  # TODO


def intercept_resend(photons: list[Photon], rng: random.Random) -> list[Photon]:
    raise NotImplementedError  # TODO


def error_rate(a: list[int], b: list[int]) -> float:
    raise NotImplementedError  # TODO


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
    raise NotImplementedError  # TODO
