import pytest

import discount_strategy_factory as engine
from discount_strategy_factory import (
    DISCOUNT_KINDS,
    checkout,
    discount_kind,
    fixed_off,
    get_settings,
    make_discount,
    percent_off,
)


@pytest.fixture
def registry():
    """Let a test register kinds of its own; put the registry back as it was afterwards."""
    saved = dict(DISCOUNT_KINDS)
    yield DISCOUNT_KINDS
    DISCOUNT_KINDS.clear()
    DISCOUNT_KINDS.update(saved)


# --- Strategy --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("builder", "amount", "subtotal", "taken_off"),
    [
        (percent_off, 10, 2_500, 250),
        (percent_off, 10, 999, 99),
        (percent_off, 0, 2_500, 0),
        (fixed_off, 500, 2_500, 500),
        (fixed_off, 500, 300, 300),
        (fixed_off, 500, 0, 0),
    ],
    ids=["ten-percent", "percent-rounds-down", "zero-percent", "fixed", "fixed-capped-at-subtotal", "empty-cart"],
)
def test_each_strategy_says_how_much_to_take_off(builder, amount, subtotal, taken_off):
    discount = builder(amount)
    assert discount(subtotal) == taken_off


def test_checkout_applies_the_strategy_it_is_given():
    assert checkout([1_000, 1_500], percent_off(10)) == 2_250
    assert checkout([1_000, 1_500], fixed_off(700)) == 1_800


def test_checkout_without_a_discount_charges_the_subtotal():
    assert checkout([1_000, 1_500]) == 2_500
    assert checkout([]) == 0


def test_checkout_accepts_any_callable_as_a_strategy():
    def staff_price(subtotal):
        return subtotal // 2

    assert checkout([1_000, 1_000], staff_price) == 1_000, "a plain function is a strategy too"


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: percent_off(51), "percent must be between 0 and 50%"),
        (lambda: percent_off(-5), "percent must be between 0 and 50%"),
        (lambda: fixed_off(-1), "amount must not be negative"),
    ],
    ids=["percent-above-the-limit", "negative-percent", "negative-amount"],
)
def test_builders_refuse_bad_amounts(build, message):
    with pytest.raises(ValueError, match=message):
        build()


# --- Factory ---------------------------------------------------------------------------------

def test_the_builders_registered_themselves_by_kind():
    assert DISCOUNT_KINDS.get("percent") is percent_off
    assert DISCOUNT_KINDS.get("fixed") is fixed_off


def test_the_registering_decorator_returns_the_function_unchanged(registry):
    def bogo(n):
        return lambda subtotal: 0

    assert discount_kind("bogo")(bogo) is bogo


@pytest.mark.parametrize(
    ("rule", "subtotal", "taken_off"),
    [("percent:10", 2_500, 250), ("fixed:500", 2_500, 500), ("percent:0", 2_500, 0)],
    ids=["percent", "fixed", "zero"],
)
def test_make_discount_builds_a_strategy_from_a_text_rule(rule, subtotal, taken_off):
    assert make_discount(rule)(subtotal) == taken_off


def test_a_new_kind_works_in_make_discount_without_changing_it(registry):
    @discount_kind("per_item")
    def per_item(cents):
        return lambda subtotal: min(subtotal, cents * 3)

    assert checkout([1_000, 1_000], make_discount("per_item:100")) == 1_700


def test_registering_a_kind_twice_is_an_error(registry):
    with pytest.raises(ValueError, match="discount kind 'percent' is already registered"):
        discount_kind("percent")(lambda pct: lambda subtotal: 0)
    assert DISCOUNT_KINDS["percent"] is percent_off, "the first builder must stay registered"


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("xmas:25", "unknown discount kind 'xmas'"),
        ("", "unknown discount kind ''"),
        ("percent:abc", "abc"),
        ("percent:90", "between 0 and 50%"),
    ],
    ids=["unknown-kind", "empty-rule", "argument-not-a-number", "over-the-limit"],
)
def test_make_discount_rejects_bad_rules(rule, message):
    with pytest.raises(ValueError, match=message):
        make_discount(rule)


# --- Singleton -------------------------------------------------------------------------------

def test_get_settings_always_returns_the_same_object():
    assert get_settings() is get_settings(), "get_settings() must not build a new Settings on every call"


def test_a_settings_change_is_seen_everywhere(monkeypatch):
    monkeypatch.setattr(get_settings(), "max_percent", 90)

    assert get_settings().max_percent == 90, "the change was lost: was a fresh Settings created?"
    assert make_discount("percent:80")(1_000) == 800


def test_the_settings_are_created_on_first_use_only(monkeypatch):
    created = []

    class CountingSettings(engine.Settings):
        def __init__(self, *args, **kwargs):
            created.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(engine, "Settings", CountingSettings)
    for _ in range(5):
        get_settings()

    assert len(created) <= 1, f"Settings() ran {len(created)} times for 5 calls of get_settings()"
