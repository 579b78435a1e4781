import pytest

from all_or_nothing_stock_update import StockError, apply_changes


@pytest.fixture
def stock():
    return {"bolt": 10, "nut": 4, "washer": 0}


def test_a_good_batch_changes_the_callers_dict_in_place(stock):
    same_dict = stock

    result = apply_changes(stock, [("bolt", -3), ("nut", 2), ("bolt", 5)])

    assert result is None
    assert same_dict == {"bolt": 12, "nut": 6, "washer": 0}


def test_an_empty_batch_changes_nothing(stock):
    apply_changes(stock, [])

    assert stock == {"bolt": 10, "nut": 4, "washer": 0}


def test_a_change_may_take_the_stock_to_exactly_zero(stock):
    apply_changes(stock, [("bolt", -10), ("nut", -4)])

    assert stock == {"bolt": 0, "nut": 0, "washer": 0}, "exactly 0 units left is allowed"


def test_going_below_zero_is_refused_with_the_numbers(stock):
    with pytest.raises(StockError, match=r"^not enough 'nut': have 4, change -5$"):
        apply_changes(stock, [("nut", -5)])


def test_an_unknown_item_is_refused_and_never_added(stock):
    with pytest.raises(StockError, match=r"^unknown item 'screw'$") as excinfo:
        apply_changes(stock, [("screw", 5)])

    assert "screw" not in stock, "an unknown sku must not be added to the stock"
    assert isinstance(excinfo.value.__cause__, KeyError), (
        "raise the StockError `from` the KeyError so the traceback keeps the cause"
    )


@pytest.mark.parametrize(
    "changes",
    [
        [("bolt", -3), ("nut", 2), ("nut", -7)],
        [("bolt", -3), ("screw", 1)],
        [("washer", 8), ("bolt", -11)],
    ],
    ids=["third-change-below-zero", "second-change-unknown-item", "last-change-below-zero"],
)
def test_a_failing_change_undoes_the_changes_before_it(stock, changes):
    with pytest.raises(StockError):
        apply_changes(stock, changes)

    assert stock == {"bolt": 10, "nut": 4, "washer": 0}, (
        "when one change fails, the changes already made must be undone in the caller's dict"
    )


def test_the_same_item_changed_twice_is_restored_to_its_first_value(stock):
    with pytest.raises(StockError):
        apply_changes(stock, [("bolt", -4), ("bolt", -4), ("bolt", -4)])

    assert stock["bolt"] == 10


class AuditDown(Exception):
    pass


def test_audit_sees_every_change_with_old_and_new_units(stock):
    seen = []

    apply_changes(stock, [("bolt", -3), ("nut", 2)], audit=lambda *call: seen.append(call))

    assert seen == [("bolt", 10, 7), ("nut", 4, 6)]


def test_an_error_from_audit_undoes_the_batch_and_reaches_the_caller_unchanged(stock):
    error = AuditDown("audit service unreachable")

    def audit(sku, old, new):
        if sku == "nut":
            raise error

    with pytest.raises(AuditDown) as excinfo:
        apply_changes(stock, [("bolt", -3), ("nut", 2)], audit=audit)

    assert excinfo.value is error, (
        "re-raise the very same exception with a bare `raise`, do not wrap or replace it"
    )
    assert stock == {"bolt": 10, "nut": 4, "washer": 0}, (
        "the batch must be undone when audit fails, even after the change itself succeeded"
    )


def test_ctrl_c_during_the_batch_still_restores_the_stock(stock):
    def audit(sku, old, new):
        if sku == "nut":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        apply_changes(stock, [("bolt", -3), ("washer", 1), ("nut", 2)], audit=audit)

    assert stock == {"bolt": 10, "nut": 4, "washer": 0}, (
        "KeyboardInterrupt is not an Exception (it derives from BaseException): "
        "`except Exception` misses it and leaves the batch half-applied"
    )


def test_a_stock_error_is_not_a_key_error(stock):
    with pytest.raises(StockError) as excinfo:
        apply_changes(stock, [("screw", 1)])

    assert not isinstance(excinfo.value, KeyError), (
        "StockError derives from Exception only; callers catch StockError for every bad change"
    )
