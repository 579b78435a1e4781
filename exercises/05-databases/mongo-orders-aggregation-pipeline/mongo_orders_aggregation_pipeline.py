"""Query and aggregate order documents the MongoDB way (with mongomock).

An order is one document with its lines embedded (no joins needed to read it):

    {"_id": 1, "customer": {"email": "ada@example.com"}, "status": "paid",
     "created": datetime(2026, 3, 9, 12, 0),
     "items": [{"sku": "PEN", "qty": 10, "price_cents": 150},
               {"sku": "INK", "qty": 1, "price_cents": 500}]}

status is "paid", "pending" or "cancelled". Every function takes a pymongo
Collection (the tests pass a mongomock one, which speaks the same API). Let
the database do the work: a query document for find / update_many and an
aggregation pipeline, not a Python loop over every document.

1. orders_with_bulk_item(orders, sku, min_qty) -> [_id, ...] sorted
   Orders having ONE line with this sku AND qty >= min_qty. Beware:
   {"items.sku": sku, "items.qty": {"$gte": min_qty}} lets the two conditions
   match two different lines; {"items": {"$elemMatch": {...}}} makes them
   hold for the same line. The sku comes from a web request (JSON): if it is
   not a str raise TypeError("sku must be a str ..."), because a dict such as
   {"$ne": ""} would be read as a query operator (NoSQL injection).
       orders_with_bulk_item(orders, "PEN", 10) -> [1, 3]

2. revenue_by_sku(orders, since) -> [{"sku": ..., "units": ..., "revenue_cents": ...}]
   For paid orders created at or after `since`: per sku, the units sold
   and the revenue, the sum of qty * price_cents of each line (prices differ
   between orders). Sorted by revenue high to low, then sku. Use a pipeline:
   $match, $unwind the items, $group by sku, $sort, and $project to rename
   _id to "sku" and drop _id (the dicts must have exactly those three keys).

3. cancel_stale_pending(orders, now, max_age) -> number changed
   Every pending order created strictly before now - max_age gets
   status "cancelled" and a field cancelled_at = now, in ONE update_many
   (orders of other statuses are not touched). Return modified_count.
"""
from datetime import datetime, timedelta
from typing import Any


def orders_with_bulk_item(orders, sku: str, min_qty: int) -> list[Any]:
    # TODO: refuse a non-str sku; find({"items": {"$elemMatch": ...}}) sorted by _id
    raise NotImplementedError


def revenue_by_sku(orders, since: datetime) -> list[dict[str, Any]]:
    # TODO: orders.aggregate([{"$match": ...}, {"$unwind": "$items"}, {"$group": ...}, ...])
    raise NotImplementedError


def cancel_stale_pending(orders, now: datetime, max_age: timedelta) -> int:
    # TODO: orders.update_many(filter, {"$set": {...}}).modified_count
    raise NotImplementedError
