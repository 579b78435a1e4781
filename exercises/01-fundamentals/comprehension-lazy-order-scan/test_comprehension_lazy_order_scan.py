import pytest

from comprehension_lazy_order_scan import all_items, customers, first_large_order, has_refund, paid_totals


def order(id, customer="ann", paid=True, total=1000, items=()):
    return {"id": id, "customer": customer, "paid": paid, "total": total, "items": list(items)}


@pytest.fixture
def orders():
    return [
        order("A-1", "ann", True, 2500, ["pen", "ink"]),
        order("A-2", "bob", False, 900, ["pad"]),
        order("A-3", "ann", True, -500, ["ink"]),
        order("A-4", "Cem", True, 0, []),
    ]


def stream(*orders, then_fail=True):
    """Yield the orders one at a time, then fail if anyone reads further."""
    yield from orders
    if then_fail:
        raise AssertionError(
            "read past the answer: stop at the first match (any(...) or next(...) over a "
            "generator expression, or return from the loop) instead of reading every order"
        )


def test_paid_totals_keeps_the_paid_orders_in_order(orders):
    totals = paid_totals(orders)

    assert totals == {"A-1": 2500, "A-3": -500, "A-4": 0}
    assert list(totals) == ["A-1", "A-3", "A-4"]


def test_customers_lists_each_name_once(orders):
    assert customers(orders) == {"ann", "bob", "Cem"}


def test_all_items_flattens_in_order_keeping_repeats(orders):
    assert all_items(orders) == ["pen", "ink", "pad", "ink"]


def test_no_orders_give_empty_results():
    assert (paid_totals([]), customers([]), all_items([])) == ({}, set(), [])


@pytest.mark.parametrize(
    ("totals", "expected"),
    [([100, -1, 5], True), ([100, 0, 5], False), ([-2500], True), ([], False)],
    ids=["one-refund", "zero-is-not-a-refund", "only-a-refund", "no-orders"],
)
def test_has_refund(totals, expected):
    assert has_refund([order(f"A-{n}", total=t) for n, t in enumerate(totals)]) is expected


def test_has_refund_stops_reading_at_the_first_refund():
    assert has_refund(stream(order("A-1", total=10), order("A-2", total=-10))) is True


def test_has_refund_reads_a_whole_stream_without_refunds():
    assert has_refund(stream(order("A-1"), order("A-2"), then_fail=False)) is False


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [(1000, "A-1"), (2500, "A-1"), (2501, None), (0, "A-1"), (-10_000, "A-1")],
    ids=["above", "exactly-the-threshold", "nothing-large-enough", "zero-threshold", "negative-threshold"],
)
def test_first_large_order(orders, threshold, expected):
    assert first_large_order(orders, threshold) == expected


def test_first_large_order_is_the_first_in_order_not_the_largest():
    orders = [order("A-1", total=10), order("A-2", total=600), order("A-3", total=9000)]

    assert first_large_order(orders, 500) == "A-2"


def test_first_large_order_of_no_orders_is_none():
    assert first_large_order([], 1) is None, "no match gives None (next(..., None)), not an IndexError"


def test_first_large_order_stops_reading_at_the_first_match():
    assert first_large_order(stream(order("A-1", total=10), order("A-2", total=700)), 500) == "A-2"
