from unittest import mock

import pytest

from money_value_type import Money


def eur(cents: int) -> Money:
    return Money(cents, "EUR")


@pytest.mark.parametrize(
    ("money", "text"),
    [
        (Money(1250, "EUR"), "12.50 EUR"),
        (Money(5, "USD"), "0.05 USD"),
        (Money(0, "GBP"), "0.00 GBP"),
        (Money(-305, "EUR"), "-3.05 EUR"),
        (Money(-5, "EUR"), "-0.05 EUR"),
        (Money(-1, "EUR"), "-0.01 EUR"),
        (Money(123456789, "USD"), "1234567.89 USD"),
    ],
    ids=["ordinary", "only-cents", "zero", "negative", "negative-only-cents", "minus-one-cent", "large"],
)
def test_str_shows_units_and_two_digit_cents(money, text):
    assert str(money) == text


def test_money_with_the_same_amount_and_currency_is_equal():
    assert eur(100) == eur(100)
    assert eur(100) != eur(101)
    assert Money(100, "EUR") != Money(100, "USD"), "the currency is part of the value"


def test_money_is_never_equal_to_a_plain_number():
    assert (eur(100) == 100) is False
    assert eur(100) != 100


def test_comparing_with_another_type_lets_that_type_answer():
    # mock.ANY equals everything, but Python only asks it when Money.__eq__ returns NotImplemented.
    assert eur(100) == mock.ANY, (
        "for a type it does not know, __eq__ must return NotImplemented (not False): then Python asks the "
        "other object, and only if that one does not know either is the answer False"
    )
    assert (eur(100) == "1.00 EUR") is False


def test_equal_money_can_be_used_in_sets_and_as_dict_keys():
    # Defining __eq__ switches hashing off: write __hash__ as well.
    prices = {eur(100), eur(100), Money(100, "USD")}
    assert len(prices) == 2, "two equal Money objects must count once in a set"

    stock = {eur(250): "coffee"}
    assert stock[eur(250)] == "coffee", "an equal (not identical) Money must find the same dict entry"


def test_adding_and_subtracting_give_new_money():
    price = eur(1250)

    assert price + eur(275) == eur(1525)
    assert price - eur(2000) == eur(-750), "going below zero is allowed"
    assert price == eur(1250), "the original must not change"


def test_plus_equals_makes_a_new_money_and_leaves_other_names_alone():
    price = eur(1250)
    same_price = price

    price += eur(100)

    assert price == eur(1350)
    assert same_price == eur(1250), "`+=` changed a Money that another name still refers to: a Money never changes"


def test_sum_adds_up_a_list_of_money():
    assert sum([eur(100), eur(5), eur(-20)]) == eur(85)
    assert sum([eur(42)]) == eur(42), "sum() starts from 0, so 0 + Money must work (__radd__)"


@pytest.mark.parametrize(
    "operation",
    [lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a < b, lambda a, b: a >= b],
    ids=["add", "subtract", "less-than", "greater-or-equal"],
)
def test_different_currencies_cannot_be_mixed(operation):
    with pytest.raises(ValueError, match="currency mismatch: EUR and USD"):
        operation(eur(100), Money(100, "USD"))


@pytest.mark.parametrize(
    "operation",
    [lambda m: m + 5, lambda m: 5 + m, lambda m: m - 1.5, lambda m: m < 5, lambda m: None + m, lambda m: m + 0],
    ids=["money-plus-int", "int-plus-money", "money-minus-float", "money-less-than-int", "none-plus-money",
         "money-plus-zero-int"],
)
def test_mixing_money_with_plain_numbers_is_a_type_error(operation):
    # Return NotImplemented (do not raise it) and Python raises the TypeError.
    with pytest.raises(TypeError, match="not supported|unsupported operand"):
        operation(eur(100))


def test_money_can_be_ordered_and_sorted():
    assert eur(99) < eur(100)
    assert eur(100) <= eur(100)
    assert eur(101) > eur(100), "use @functools.total_ordering to get > from __lt__"
    assert eur(-1) >= eur(-1)

    prices = [eur(500), eur(-20), eur(99), eur(0)]
    assert sorted(prices) == [eur(-20), eur(0), eur(99), eur(500)]
    assert max(prices) == eur(500)


@pytest.mark.parametrize("currency", ["euro", "eur", "E", "ÄÖÜ"], ids=["word", "lowercase", "short", "non-ascii"])
def test_money_needs_a_three_letter_currency_code(currency):
    with pytest.raises(ValueError, match="currency must be a 3-letter code"):
        Money(100, currency)


@pytest.mark.parametrize("cents", [12.5, "100"], ids=["float", "str"])
def test_money_needs_a_whole_number_of_cents(cents):
    with pytest.raises(TypeError, match="cents must be an int"):
        Money(cents, "EUR")


def test_repr_shows_how_to_build_the_value_again():
    assert repr(Money(-750, "EUR")) == "Money(-750, 'EUR')"
