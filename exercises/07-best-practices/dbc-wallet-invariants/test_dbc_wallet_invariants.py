"""Checks the contracts of Money, Wallet and transfer: invariants, preconditions, postconditions."""

import dataclasses
import inspect
import subprocess
import sys
import textwrap

import pytest

import dbc_wallet_invariants as dbc
from dbc_wallet_invariants import InvariantError, Money, PreconditionError, Wallet, transfer


def eur(cents):
    return Money(cents, "EUR")


@pytest.fixture
def wallet():
    """A EUR wallet with 200 cents and an overdraft of 500."""
    new = Wallet("EUR", overdraft_cents=500)
    new.deposit(eur(200))
    return new


def test_the_errors_form_one_family():
    assert issubclass(PreconditionError, dbc.ContractViolation)
    assert issubclass(InvariantError, dbc.ContractViolation)


@pytest.mark.parametrize(("cents", "shown"), [(1.5, "1.5"), (True, "True"), ("100", "'100'"), (2.0, "2.0")],
                         ids=["float", "bool", "text", "whole-float"])
def test_money_refuses_cents_that_are_not_an_int(cents, shown):
    with pytest.raises(InvariantError, match=rf"^Money needs whole cents, got {shown}$"):
        Money(cents, "EUR")


@pytest.mark.parametrize("currency", ["eur", "EURO", "EU", "E1R", "", "ÉUR"], ids=["lower", "four", "two", "digit", "empty", "accent"])
def test_money_refuses_a_currency_that_is_not_three_capital_letters(currency):
    with pytest.raises(InvariantError, match=rf"^currency must be three capital letters, got {currency!r}$"):
        Money(100, currency)


def test_money_refuses_a_currency_with_a_trailing_newline():
    with pytest.raises(InvariantError, match="three capital letters"):
        Money(100, "EUR\n")


@pytest.mark.parametrize("cents", [0, -250, 10**12], ids=["zero", "negative", "large"])
def test_money_accepts_any_whole_number_of_cents(cents):
    assert Money(cents, "JPY") == Money(cents, "JPY")


def test_money_cannot_be_changed_after_it_is_made():
    money = eur(100)
    with pytest.raises(AttributeError):
        money.cents = 5
    with pytest.raises(InvariantError):
        dataclasses.replace(money, cents=0.5)


def test_adding_money_of_one_currency_and_negating_it():
    assert eur(150) + eur(-50) == eur(100)
    assert -eur(150) == eur(-150)


def test_adding_two_currencies_is_refused():
    with pytest.raises(PreconditionError, match=r"^cannot add EUR and USD$"):
        eur(1) + Money(1, "USD")


def test_a_negative_overdraft_is_refused():
    with pytest.raises(PreconditionError, match=r"^overdraft must be >= 0, got -1$"):
        Wallet("EUR", overdraft_cents=-1)


def test_a_new_wallet_is_empty_and_checks_its_currency():
    assert Wallet("CHF").balance == Money(0, "CHF")
    with pytest.raises(InvariantError):
        Wallet("chf")


def test_the_balance_cannot_be_assigned_from_outside(wallet):
    with pytest.raises(AttributeError):
        wallet.balance = eur(10**9)
    assert wallet.balance == eur(200)


def test_deposit_and_withdraw_keep_their_postconditions(wallet):
    wallet.deposit(eur(50))
    assert wallet.balance == eur(250)
    wallet.withdraw(eur(100))
    assert wallet.balance == eur(150)


def test_withdrawing_down_to_exactly_the_overdraft_limit_is_allowed(wallet):
    assert wallet.can_withdraw(eur(700)) is True
    wallet.withdraw(eur(700))
    assert wallet.balance == eur(-500)


def test_withdrawing_one_cent_past_the_limit_is_refused_and_changes_nothing(wallet):
    assert wallet.can_withdraw(eur(701)) is False
    with pytest.raises(PreconditionError, match=r"^withdrawing 701 would take the balance below -500$"):
        wallet.withdraw(eur(701))
    assert wallet.balance == eur(200), "a refused withdrawal must leave the balance as it was"


def test_a_wallet_without_overdraft_cannot_go_below_zero():
    wallet = Wallet("EUR")
    wallet.deposit(eur(10))
    with pytest.raises(PreconditionError, match=r"below -0$"):
        wallet.withdraw(eur(11))
    wallet.withdraw(eur(10))
    assert wallet.balance == eur(0)


@pytest.mark.parametrize("method", ["check_payable", "deposit", "withdraw"])
@pytest.mark.parametrize(("money", "message"), [
    (Money(100, "USD"), r"^this wallet holds EUR, not USD$"),
    (Money(0, "USD"), r"^this wallet holds EUR, not USD$"),
    (eur(0), r"^amount must be positive, got 0$"),
    (eur(-5), r"^amount must be positive, got -5$"),
], ids=["other-currency", "currency-checked-first", "zero", "negative"])
def test_payments_that_break_a_precondition_are_refused(wallet, method, money, message):
    with pytest.raises(PreconditionError, match=message):
        getattr(wallet, method)(money)
    assert wallet.balance == eur(200), f"a refused {method} must leave the balance as it was"


def test_check_payable_returns_nothing_for_a_valid_payment(wallet):
    assert wallet.check_payable(eur(1)) is None


def test_a_transfer_moves_the_money():
    source, target = Wallet("EUR", overdraft_cents=100), Wallet("EUR")
    transfer(source, target, eur(100))
    assert (source.balance, target.balance) == (eur(-100), eur(100))


@pytest.mark.parametrize(("target_currency", "amount", "error"), [
    ("USD", eur(50), PreconditionError),
    ("EUR", eur(900), PreconditionError),
    ("EUR", eur(0), PreconditionError),
    ("EUR", Money(50, "USD"), PreconditionError),
], ids=["target-holds-another-currency", "source-cannot-pay", "zero", "money-in-another-currency"])
def test_a_failed_transfer_changes_neither_wallet(wallet, target_currency, amount, error):
    target = Wallet(target_currency)
    with pytest.raises(error):
        transfer(wallet, target, amount)
    assert wallet.balance == eur(200), (
        "all or nothing: the transfer failed, yet the source wallet changed. Check every "
        "precondition of BOTH wallets before moving any money"
    )
    assert target.balance == Money(0, target_currency)


def test_the_contracts_still_hold_under_python_dash_o(tmp_path):
    script = textwrap.dedent("""
        import dbc_wallet_invariants as dbc
        found = []
        for attempt in (lambda: dbc.Money(1.5, "EUR"),
                        lambda: dbc.Wallet("EUR").withdraw(dbc.Money(1, "EUR")),
                        lambda: dbc.Wallet("EUR").deposit(dbc.Money(-1, "EUR"))):
            try:
                attempt()
            except dbc.ContractViolation:
                found.append("raised")
            else:
                found.append("passed")
        print(",".join(found))
    """)
    folder = str(__import__("pathlib").Path(inspect.getfile(dbc)).parent)
    result = subprocess.run([sys.executable, "-O", "-c", script], capture_output=True, text=True,
                            cwd=folder, timeout=15)
    assert result.stdout.strip() == "raised,raised,raised", (
        "under `python -O` (which deletes every assert) a contract check did not raise: use "
        f"`if ...: raise ...`, not `assert`. Output: {result.stdout.strip()!r} {result.stderr.strip()[-300:]}"
    )
