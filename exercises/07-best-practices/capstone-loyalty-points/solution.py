"""My tests of the loyalty ledger: its contract, one promise per test."""

import pytest

from loyalpts import Entry, Ledger, PreconditionError


@pytest.fixture
def ledger():
    """A ledger that earned 300 points."""
    new = Ledger()
    new.earn(300)
    return new


def test_a_new_ledger_is_empty():
    assert (Ledger().balance, Ledger().history) == (0, ())


def test_earning_and_redeeming_change_the_balance_and_the_history(ledger):
    ledger.redeem(120)
    assert ledger.balance == 180
    assert ledger.history == (Entry("earn", 300), Entry("redeem", 120))


def test_redeeming_the_whole_balance_is_allowed(ledger):
    ledger.redeem(300)
    assert ledger.balance == 0


def test_redeeming_more_than_the_balance_is_refused_and_changes_nothing(ledger):
    with pytest.raises(PreconditionError, match=r"^cannot redeem 301 points, balance is 300$"):
        ledger.redeem(301)
    assert (ledger.balance, len(ledger.history)) == (300, 1)


@pytest.mark.parametrize("points", [0, -5, True, 2.5], ids=["zero", "negative", "bool", "float"])
@pytest.mark.parametrize("method", ["earn", "redeem"])
def test_points_must_be_a_positive_int(ledger, method, points):
    with pytest.raises(PreconditionError, match="^points must be a positive int"):
        getattr(ledger, method)(points)
    assert ledger.balance == 300


def test_the_history_cannot_be_changed_from_outside(ledger):
    with pytest.raises(AttributeError):
        ledger.history.append(None)
