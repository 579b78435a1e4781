import dataclasses

import pytest

from frozen_account_ledger import Account, apply_all, deposit, withdraw


@pytest.fixture
def ann():
    return Account("ann", 100)


@pytest.mark.parametrize("field", ["owner", "balance", "history"])
def test_account_fields_cannot_be_assigned(ann, field):
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign"):
        setattr(ann, field, 0)


def test_account_history_is_always_a_tuple():
    movements = [100, -40]
    account = Account("bob", 60, movements)
    assert account.history == (100, -40)
    assert isinstance(account.history, tuple), "a list inside an immutable object could still be changed"
    movements.append(999)
    assert account.history == (100, -40), "changing the caller's list must not change the account"


def test_equal_accounts_are_hashable_and_interchangeable():
    first = Account("ann", 100, (100,))
    second = Account("ann", 100, [100])
    assert first == second
    assert len({first, second}) == 1
    assert {first: "ok"}[second] == "ok"


def test_a_new_account_starts_empty():
    assert Account("cy") == Account("cy", 0, ())


def test_account_rejects_a_negative_balance():
    with pytest.raises(ValueError, match="must not be negative"):
        Account("ann", -1)


def test_deposit_returns_a_new_account_and_leaves_the_old_one(ann):
    richer = deposit(ann, 50)
    assert richer == Account("ann", 150, (50,))
    assert ann == Account("ann", 100), "the original account must not change"
    assert richer is not ann


def test_withdraw_records_a_negative_movement(ann):
    assert withdraw(ann, 30) == Account("ann", 70, (-30,))


def test_withdraw_may_empty_the_account(ann):
    assert withdraw(ann, 100).balance == 0


def test_withdraw_rejects_more_than_the_balance(ann):
    with pytest.raises(ValueError, match="insufficient funds"):
        withdraw(ann, 101)


@pytest.mark.parametrize("operation", [deposit, withdraw], ids=["deposit", "withdraw"])
@pytest.mark.parametrize("amount", [0, -5], ids=["zero", "negative"])
def test_operations_reject_non_positive_amounts(ann, operation, amount):
    with pytest.raises(ValueError, match="must be positive"):
        operation(ann, amount)


def test_one_cent_is_a_valid_amount(ann):
    assert deposit(ann, 1) == Account("ann", 101, (1,)), "1 cent is positive: only 0 and below are rejected"
    assert withdraw(ann, 1) == Account("ann", 99, (-1,))


def test_operations_can_be_chained_like_the_worked_example(ann):
    assert withdraw(deposit(ann, 50), 30) == Account("ann", 120, (50, -30))


def test_apply_all_applies_movements_in_order(ann):
    final = apply_all(ann, [50, -30, 5])
    assert final == Account("ann", 125, (50, -30, 5))
    assert ann.balance == 100


def test_apply_all_handles_single_cents(ann):
    assert apply_all(ann, [1, -1, 1]) == Account("ann", 101, (1, -1, 1))


def test_apply_all_rejects_a_zero_movement(ann):
    with pytest.raises(ValueError, match="must be positive"):
        apply_all(ann, [10, 0])


def test_apply_all_with_no_movements_returns_an_equal_account(ann):
    assert apply_all(ann, []) == ann


def test_apply_all_accepts_any_iterable(ann):
    assert apply_all(ann, (n for n in [10, 10])).balance == 120


def test_apply_all_stops_on_an_overdraft(ann):
    with pytest.raises(ValueError, match="insufficient funds"):
        apply_all(ann, [-60, -60])
