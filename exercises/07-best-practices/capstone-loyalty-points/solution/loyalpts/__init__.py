"""Loyalty points: earn them on purchases, redeem them for rewards."""

from loyalpts.ledger import Entry, Ledger, PreconditionError
from loyalpts.rules import RULES, TIER_MULTIPLIERS, Purchase, points_for, register_rule

__all__ = [
    "RULES",
    "TIER_MULTIPLIERS",
    "Entry",
    "Ledger",
    "PreconditionError",
    "Purchase",
    "points_for",
    "register_rule",
]
