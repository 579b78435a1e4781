"""Canary releases and blue/green deployments, as routing code.

A canary release sends a small share of users to the new version first. The
share must be STABLE: a user who saw the new version keeps seeing it on every
request and on every server, and raising 5% to 20% keeps the first 5% in.

1. bucket(user_id, salt="") -> 0..99: the SHA-256 digest of f"{salt}:{user_id}"
   (UTF-8), its first 8 bytes read as a big-endian integer, modulo 100.
       bucket("alice") == 35      bucket("alice", salt="checkout-v2") == 15
2. in_canary(user_id, percent, salt="") is True when bucket(...) < percent
   (strictly below: a 0% canary takes nobody, not even bucket 0; 40% takes
   exactly the buckets 0..39; 100% takes everybody).
   percent outside 0..100 raises ValueError("percent must be between 0 and 100 ...").

3. BlueGreen: two identical environments, "blue" and "green". `live` serves
   users, `idle` (the other colour) holds the new release.
   - start_canary(percent): send that share of users to idle (validated as
     above; 0 and 100 are both allowed)
   - route(user_id): "blue" or "green" for this user: users for whom
     in_canary(user_id, canary_percent) is True go to idle, the rest to live
   - promote(): the release is good: idle becomes live, canary back to 0
   - rollback(): the release is bad: canary back to 0, live unchanged

       >>> env = BlueGreen()          # live="blue", canary_percent=0
       >>> env.start_canary(40); env.route("alice")   # bucket 35 < 40
       'green'
       >>> env.promote(); env.live, env.route("alice")
       ('green', 'green')
"""
import hashlib
from dataclasses import dataclass


def bucket(user_id: str, salt: str = "") -> int:
    # TODO: hash f"{salt}:{user_id}" with hashlib.sha256 and reduce it to 0..99.
    raise NotImplementedError


def in_canary(user_id: str, percent: int, salt: str = "") -> bool:
    # TODO: validate percent, then compare the user's bucket with it.
    raise NotImplementedError


@dataclass
class BlueGreen:
    live: str = "blue"
    canary_percent: int = 0

    @property
    def idle(self) -> str:
        # TODO: the colour that is not live.
        raise NotImplementedError

    def start_canary(self, percent: int) -> None:
        # TODO: validate and store the percent.
        raise NotImplementedError

    def route(self, user_id: str) -> str:
        # TODO: canary users go to the idle colour, everyone else to live.
        return self.live

    def promote(self) -> None:
        # TODO: swap live and idle, end the canary.
        raise NotImplementedError

    def rollback(self) -> None:
        # TODO: end the canary without swapping.
        raise NotImplementedError
