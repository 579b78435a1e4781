import importlib
import sys

import pytest

import page_visit_tracker
from page_visit_tracker import record_visit, reset_visits, visits_so_far


@pytest.fixture(autouse=True)
def fresh_counter():
    reset_visits()
    yield
    reset_visits()


def test_a_single_visit_returns_a_list_with_that_page():
    assert record_visit("home") == ["home"]


def test_each_call_without_history_starts_a_fresh_list():
    first = record_visit("home")
    second = record_visit("about")

    assert second == ["about"], (
        f"got {second}: the calls share one default list. "
        "A default value is created once, when `def` runs - use None and make a new list inside."
    )
    assert first == ["home"], "the first result must not change when the function is called again"
    assert first is not second


def test_passing_your_own_list_appends_to_that_same_list():
    mine = ["home"]

    result = record_visit("cart", mine)

    assert result is mine, "with a history given, return that very list, not a copy"
    assert mine == ["home", "cart"]


def test_an_empty_list_you_pass_in_is_used_not_replaced():
    mine: list[str] = []

    result = record_visit("home", mine)

    assert result is mine, "an empty list is still a list: check `history is None`, not `not history`"
    assert mine == ["home"]


@pytest.mark.parametrize("page", ["résumé", "ホーム", "🛒"], ids=["accents", "japanese", "emoji"])
def test_unicode_page_names_are_recorded_unchanged(page):
    assert record_visit(page) == [page]


def test_every_visit_increases_the_global_counter():
    record_visit("home")
    record_visit("about", ["home"])
    record_visit("cart")

    assert visits_so_far() == 3
    assert page_visit_tracker.visit_count == 3, "the count must live in the module-level `visit_count`"


def test_the_counter_handles_many_visits():
    history: list[str] = []
    for n in range(1000):
        record_visit(f"page-{n}", history)

    assert len(history) == 1000
    assert visits_so_far() == 1000


def test_reset_visits_sets_the_counter_back_to_zero():
    record_visit("home")

    reset_visits()

    assert visits_so_far() == 0


def test_an_empty_page_is_rejected_and_not_counted():
    with pytest.raises(ValueError, match="page must not be empty"):
        record_visit("")

    assert visits_so_far() == 0, "a rejected visit must not be counted"


def test_an_empty_page_leaves_the_history_you_passed_unchanged():
    mine = ["home"]

    with pytest.raises(ValueError, match="page must not be empty"):
        record_visit("", mine)

    assert mine == ["home"], "check the page before you touch the history"


def test_the_counter_starts_at_zero_when_the_module_is_imported(monkeypatch):
    monkeypatch.delitem(sys.modules, "page_visit_tracker")  # put back after the test
    fresh = importlib.import_module("page_visit_tracker")

    assert fresh.visit_count == 0
    assert fresh.visits_so_far() == 0
