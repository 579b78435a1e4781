"""How many points a purchase earns: a base by tier plus registered bonus rules."""

from collections.abc import Callable
from dataclasses import dataclass

CENTS_PER_POINT = 100
BOOKS_BONUS = 10
BIG_BASKET_CENTS = 10_000
BIG_BASKET_BONUS = 50

TIER_MULTIPLIERS = {"bronze": 1, "silver": 2, "gold": 3}


@dataclass(frozen=True)
class Purchase:
    """One purchase of a member.

    Attributes:
        total_cents: What the member paid, in cents.
        category: The shop's category, such as "books".
        tier: The member's tier: "bronze", "silver" or "gold".
    """

    total_cents: int
    category: str
    tier: str


Rule = Callable[[Purchase], int]
RULES: dict[str, Rule] = {}


def register_rule(name: str) -> Callable[[Rule], Rule]:
    """Register a bonus rule under a name, as a decorator.

    Args:
        name: The rule's name; each name can be registered once.

    Returns:
        A decorator that stores the rule and returns it unchanged.

    Raises:
        ValueError: If a rule with that name is already registered.
    """

    def decorate(rule: Rule) -> Rule:
        if name in RULES:
            raise ValueError(f"rule {name!r} is already registered")
        RULES[name] = rule
        return rule

    return decorate


@register_rule("books")
def books_bonus(purchase: Purchase) -> int:
    """Give BOOKS_BONUS points for a purchase in the "books" category.

    Args:
        purchase: The purchase to reward.

    Returns:
        The bonus points.
    """
    return BOOKS_BONUS if purchase.category == "books" else 0


@register_rule("big-basket")
def big_basket_bonus(purchase: Purchase) -> int:
    """Give BIG_BASKET_BONUS points for a purchase of at least BIG_BASKET_CENTS.

    Args:
        purchase: The purchase to reward.

    Returns:
        The bonus points.
    """
    return BIG_BASKET_BONUS if purchase.total_cents >= BIG_BASKET_CENTS else 0


def points_for(purchase: Purchase) -> int:
    """Count the points a purchase earns: whole euros times the tier, plus every rule's bonus.

    Args:
        purchase: The purchase to reward.

    Returns:
        The points earned.

    Raises:
        ValueError: If the total is negative or the tier is unknown.

    Examples:
        >>> points_for(Purchase(total_cents=2599, category="food", tier="silver"))
        50
        >>> points_for(Purchase(total_cents=1000, category="books", tier="bronze"))
        20
    """
    if purchase.total_cents < 0:
        raise ValueError(f"total_cents must be >= 0, got {purchase.total_cents}")
    if purchase.tier not in TIER_MULTIPLIERS:
        raise ValueError(f"unknown tier: {purchase.tier!r}")
    base = purchase.total_cents // CENTS_PER_POINT * TIER_MULTIPLIERS[purchase.tier]
    return base + sum(rule(purchase) for rule in RULES.values())
