import importlib.util
import threading

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
        (percent_off, 29, 100, 29),
        (percent_off, 50, 2_500, 1_250),
        (fixed_off, 0, 2_500, 0),
    ],
    ids=[
        "ten-percent", "percent-rounds-down", "zero-percent", "fixed", "fixed-capped-at-subtotal", "empty-cart",
        "29-percent-with-no-float-error", "the-limit-itself-is-allowed",
        "fixed-zero-is-allowed",
    ],
)
def test_each_strategy_says_how_much_to_take_off(builder, amount, subtotal, taken_off):
    discount = builder(amount)
    assert discount(subtotal) == taken_off, (
        "compute in whole cents: 100 * (29 / 100) is 28.999999999999996 in floats; subtotal * pct // 100 is exact"
    )


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
        (lambda: percent_off(-1), "percent must be between 0 and 50%"),
        (lambda: fixed_off(-1), "amount must not be negative"),
    ],
    ids=["percent-above-the-limit", "negative-percent", "minus-one-percent", "negative-amount"],
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


@pytest.fixture
def fresh_engine():
    """A brand-new copy of your module, whose get_settings() has never been called."""
    spec = importlib.util.spec_from_file_location("fresh_discount_engine", engine.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shared_settings_start_with_the_defaults(fresh_engine):
    assert fresh_engine.get_settings() == fresh_engine.Settings(max_percent=50, currency="EUR")


def test_the_settings_are_created_on_first_use_only(fresh_engine):
    created = []

    class CountingSettings(fresh_engine.Settings):
        def __init__(self, *args, **kwargs):
            created.append(self)
            super().__init__(*args, **kwargs)

    fresh_engine.Settings = CountingSettings
    results = [fresh_engine.get_settings() for _ in range(5)]

    assert len(created) <= 1, f"Settings() ran {len(created)} times for 5 calls of get_settings()"
    assert all(result is results[0] for result in results)


def test_two_threads_asking_at_the_same_time_get_the_same_settings(fresh_engine):
    created = []
    first_inside, second_inside = threading.Event(), threading.Event()

    class SlowSettings(fresh_engine.Settings):
        """Takes a moment to build, the way reading a config file does."""

        def __init__(self, *args, **kwargs):
            created.append(self)
            if len(created) == 1:
                first_inside.set()
                second_inside.wait(timeout=0.1)  # room for a second thread to slip in
            else:
                second_inside.set()
            super().__init__(*args, **kwargs)

    fresh_engine.Settings = SlowSettings
    results = []
    threads = [threading.Thread(target=lambda: results.append(fresh_engine.get_settings())) for _ in range(2)]
    threads[0].start()
    first_inside.wait(timeout=0.1)
    threads[1].start()
    for thread in threads:
        thread.join()

    assert len(created) <= 1 and results[0] is results[1], (
        f"two threads asking for the settings at the same time built {len(created)} Settings objects: while the "
        "first one was being built, the second thread built its own. functools.cache does not prevent that "
        "(its docs say so): guard the check-and-create with a threading.Lock"
    )
