from datetime import datetime, timedelta

import mongomock
import pytest

from mongo_orders_aggregation_pipeline import cancel_stale_pending, orders_with_bulk_item, revenue_by_sku

NOW = datetime(2026, 3, 10, 12, 0)
DAY = timedelta(days=1)


def order(_id, status, days_ago, *items, email="ada@example.com"):
    return {
        "_id": _id,
        "customer": {"email": email},
        "status": status,
        "created": NOW - days_ago * DAY,
        "items": [{"sku": sku, "qty": qty, "price_cents": price} for sku, qty, price in items],
    }


ORDERS = [
    order(1, "paid", 1, ("PEN", 10, 150), ("INK", 1, 500)),
    order(2, "paid", 2, ("PEN", 1, 150), ("PAD", 6, 300)),
    order(3, "cancelled", 2, ("PEN", 50, 150)),
    order(4, "paid", 40, ("INK", 100, 500)),
    order(5, "pending", 3, ("PAD", 2, 300)),
    order(6, "pending", 0, ("PEN", 5, 150)),
    order(7, "paid", 5, ("INK", 2, 450), ("CUP", 1, 1200)),
    order(8, "paid", 6, ("PEN", 5, 150)),
]


@pytest.fixture
def orders():
    collection = mongomock.MongoClient().shop.orders
    shuffled = [ORDERS[i] for i in (5, 2, 7, 0, 4, 1, 6, 3)]  # find() returns them in this order
    collection.insert_many([dict(doc, items=[dict(i) for i in doc["items"]]) for doc in shuffled])
    return collection


@pytest.mark.parametrize(
    "sku, min_qty, ids",
    [("PEN", 5, [1, 3, 6, 8]), ("PEN", 10, [1, 3]), ("PEN", 11, [3]), ("PAD", 1, [2, 5]), ("CUP", 2, []),
     ("NOPE", 1, [])],
    ids=["at-least-five", "boundary-included", "just-above", "another-sku", "too-few", "unknown-sku"],
)
def test_orders_with_bulk_item_finds_orders_with_one_line_matching_both(orders, sku, min_qty, ids):
    assert orders_with_bulk_item(orders, sku, min_qty) == ids, (
        "expected the ids, sorted, of orders with one line having this sku and qty >= min_qty"
    )


def test_sku_and_quantity_must_hold_for_the_same_line(orders):
    assert orders_with_bulk_item(orders, "INK", 6) == [4], (
        "order 2 has PAD x6 and PEN x1: it has no INK at all, and order 1 has INK x1 with PEN x10. "
        "{'items.sku': ..., 'items.qty': ...} lets the two conditions match different lines: use $elemMatch"
    )
    assert orders_with_bulk_item(orders, "PEN", 6) == [1, 3], (
        "order 2 has PEN x1 and PAD x6: two conditions on an array of documents need $elemMatch"
    )


@pytest.mark.parametrize(
    "sku", [{"$ne": ""}, {"$regex": ".*"}, ["PEN"], None, 7],
    ids=["ne-operator", "regex-operator", "list", "none", "int"],
)
def test_a_sku_that_is_not_a_string_is_refused(orders, sku):
    with pytest.raises(TypeError, match="^sku"):
        orders_with_bulk_item(orders, sku, 1)


def test_revenue_by_sku_totals_paid_lines_since_a_date_biggest_first(orders):
    assert revenue_by_sku(orders, NOW - 7 * DAY) == [
        {"sku": "PEN", "units": 16, "revenue_cents": 2400},
        {"sku": "PAD", "units": 6, "revenue_cents": 1800},
        {"sku": "INK", "units": 3, "revenue_cents": 1400},
        {"sku": "CUP", "units": 1, "revenue_cents": 1200},
    ], "only paid orders created since the date count; revenue is qty * price_cents summed per sku"


def test_revenue_uses_each_lines_own_price(orders):
    ink = [row for row in revenue_by_sku(orders, NOW - 7 * DAY) if row["sku"] == "INK"]
    assert ink == [{"sku": "INK", "units": 3, "revenue_cents": 1 * 500 + 2 * 450}]


def test_revenue_ties_are_sorted_by_sku(orders):
    orders.insert_many([order(9, "paid", 0, ("ZZZ", 1, 1200)), order(10, "paid", 0, ("AAA", 2, 600))])
    rows = revenue_by_sku(orders, NOW - 7 * DAY)
    assert [row["sku"] for row in rows][-3:] == ["AAA", "CUP", "ZZZ"], "equal revenues are sorted by sku"


def test_the_since_date_is_included(orders):
    assert revenue_by_sku(orders, NOW - 2 * DAY) == [
        {"sku": "PAD", "units": 6, "revenue_cents": 1800},
        {"sku": "PEN", "units": 11, "revenue_cents": 1650},
        {"sku": "INK", "units": 1, "revenue_cents": 500},
    ], "an order created exactly at `since` counts ($gte, not $gt)"


class ReadCountingCollection:
    """Passes everything to the collection and counts the documents that find() hands to Python."""

    def __init__(self, collection):
        self._collection = collection
        self.documents_read = 0

    def find(self, *args, **kwargs):
        for doc in self._collection.find(*args, **kwargs):
            self.documents_read += 1
            yield doc

    def __getattr__(self, name):
        return getattr(self._collection, name)


def test_revenue_is_computed_in_the_database_not_in_python(orders):
    counting = ReadCountingCollection(orders)
    revenue_by_sku(counting, NOW - 7 * DAY)
    assert counting.documents_read == 0, (
        f"revenue_by_sku pulled {counting.documents_read} whole orders into Python to add them up; "
        "an aggregation pipeline ($match, $unwind, $group) does it inside the database"
    )


def test_no_sales_gives_an_empty_list(orders):
    assert revenue_by_sku(orders, NOW + DAY) == []


def test_stale_pending_orders_are_cancelled_and_counted(orders):
    assert cancel_stale_pending(orders, NOW, 2 * DAY) == 1, (
        "only order 5 is pending and older than 2 days; paid and cancelled orders must not be matched"
    )
    statuses = {doc["_id"]: doc["status"] for doc in orders.find()}
    assert statuses[5] == "cancelled"
    assert statuses[6] == "pending", "an order younger than max_age stays pending"
    assert statuses[3] == "cancelled" and statuses[1] == "paid", "only pending orders may change"
    assert orders.find_one({"_id": 5})["cancelled_at"] == NOW
    assert "cancelled_at" not in orders.find_one({"_id": 3}), "orders that were not pending are not touched"


def test_an_order_exactly_max_age_old_stays_pending(orders):
    assert cancel_stale_pending(orders, NOW, 3 * DAY) == 0, "created exactly max_age ago is not older: $lt, not $lte"
    assert orders.find_one({"_id": 5})["status"] == "pending", "older than max_age means strictly older"


def test_cancelling_twice_changes_nothing_the_second_time(orders):
    cancel_stale_pending(orders, NOW, DAY)
    assert cancel_stale_pending(orders, NOW, DAY) == 0
