"""Capstone: refactor, document, type and test a small package (loyalpts/) behind checks.

loyalpts/ computes a shop's loyalty points. It works, more or less, and a reviewer would
reject all of it. Bring it to the standard of this topic; the checks tell you what is left.

1. loyalpts/rules.py (clean code, open/closed). Replace the long if/elif points_for with:
   - TIER_MULTIPLIERS = {"bronze": 1, "silver": 2, "gold": 3}; a new tier is one entry;
   - a frozen dataclass Purchase(total_cents: int, category: str, tier: str);
   - RULES: dict of name -> rule (a function Purchase -> bonus points) and a decorator
     register_rule(name) that stores a rule and returns it unchanged (a name registered twice:
     ValueError("rule 'books' is already registered")). Register the two bonuses of the old
     code: "books" (+10 when category == "books") and "big-basket" (+50 when total_cents
     >= 10_000), each under its name, with named constants instead of magic numbers;
   - points_for(purchase) = total_cents // 100 * TIER_MULTIPLIERS[tier] + the sum of every
     rule in RULES; total_cents < 0 -> ValueError("total_cents must be >= 0, got -1") first,
     then an unknown tier -> ValueError("unknown tier: 'platinum'");
   - its docstring holds at least two doctest examples that run, e.g.
         >>> points_for(Purchase(total_cents=2599, category="food", tier="silver"))
         50
2. loyalpts/ledger.py (design by contract). Ledger() starts at balance 0, history ().
   earn(points) and redeem(points) take a positive int (not a bool, not 0, not 1.5), else
   PreconditionError("points must be a positive int, got 0") (repr of the value); redeem of
   more than the balance -> PreconditionError("cannot redeem 301 points, balance is 300")
   (exactly the balance is fine). A refused call changes nothing. balance and history are
   read-only properties; history is a tuple of Entry(kind, points), a frozen dataclass with
   kind "earn" or "redeem". PreconditionError is a ValueError. Checks are `if ...: raise`,
   never `assert` (a test runs them under `python -O`).
3. loyalpts/__init__.py re-exports the API and lists it in __all__: RULES, TIER_MULTIPLIERS,
   Entry, Ledger, PreconditionError, Purchase, points_for, register_rule.
4. Lint, docs and types, run over loyalpts/ by the tests (run them yourself, one line each):
       python -m ruff check --isolated --line-length 100 --select E,F,W,B,C90,D,ANN
           --ignore D105,D107 --config "lint.pydocstyle.convention='google'"
           --config lint.mccabe.max-complexity=4 loyalpts
       python -m mypy --strict -p loyalpts
   so: a Google-style docstring on every module, class and function (Args:, Returns:,
   Raises:), type hints everywhere, and no function with more than 4 paths (C901).
5. THIS file: your own tests of the Ledger (at least 8 cases, pytest style, fixtures and
   parametrize welcome; import from loyalpts as below). They must pass against a correct
   ledger and catch broken ones: a wrong redeem limit, points that are not positive ints
   accepted, a history that is incomplete or can be changed from outside.

Run everything with the Python pyroad uses (`pyroad doctor` prints it; it has ruff and mypy).
"""

import pytest  # noqa: F401

from loyalpts import Ledger


def test_a_new_ledger_has_a_balance_of_zero():
    assert Ledger().balance == 0


# TODO: more tests: earning and redeeming (balance AND history), redeeming exactly the balance,
# redeeming one point more (refused, nothing changed), points that are not positive ints,
# a history nobody can change from outside.
