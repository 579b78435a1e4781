"""A member's points ledger whose contract holds: it never goes below zero."""

from dataclasses import dataclass


class PreconditionError(ValueError):
    """A caller asked the ledger for something its contract does not allow."""


@dataclass(frozen=True)
class Entry:
    """One change of a ledger.

    Attributes:
        kind: "earn" or "redeem".
        points: How many points changed hands (always positive).
    """

    kind: str
    points: int


class Ledger:
    """The points of one member.

    Invariant: the balance is the earned points minus the redeemed points, and never
    negative.
    """

    def __init__(self) -> None:
        """Start with no entries and a balance of 0."""
        self._entries: list[Entry] = []
        self._balance = 0

    @property
    def balance(self) -> int:
        """The points the member has now."""
        return self._balance

    @property
    def history(self) -> tuple[Entry, ...]:
        """Every entry, oldest first (a tuple: the caller cannot change the ledger through it)."""
        return tuple(self._entries)

    def earn(self, points: int) -> None:
        """Add points.

        Args:
            points: A positive int.

        Raises:
            PreconditionError: If points is not a positive int.
        """
        _require_positive(points)
        self._entries.append(Entry("earn", points))
        self._balance += points

    def redeem(self, points: int) -> None:
        """Take points away.

        Args:
            points: A positive int, at most the balance.

        Raises:
            PreconditionError: If points is not a positive int or exceeds the balance.
        """
        _require_positive(points)
        if points > self._balance:
            raise PreconditionError(f"cannot redeem {points} points, balance is {self._balance}")
        self._entries.append(Entry("redeem", points))
        self._balance -= points


def _require_positive(points: int) -> None:
    """Raise PreconditionError unless points is an int (not a bool) above 0."""
    if type(points) is not int or points <= 0:
        raise PreconditionError(f"points must be a positive int, got {points!r}")
