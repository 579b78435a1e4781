"""Query and aggregate order documents the MongoDB way (with mongomock)."""
from datetime import datetime, timedelta
from typing import Any


def orders_with_bulk_item(orders, sku: str, min_qty: int) -> list[Any]:
    if not isinstance(sku, str):
        raise TypeError(f"sku must be a str, not {type(sku).__name__}")
    query = {"items": {"$elemMatch": {"sku": sku, "qty": {"$gte": min_qty}}}}
    return sorted(doc["_id"] for doc in orders.find(query))


def revenue_by_sku(orders, since: datetime) -> list[dict[str, Any]]:
    pipeline = [
        {"$match": {"status": "paid", "created": {"$gte": since}}},
        {"$unwind": "$items"},
        {"$group": {
            "_id": "$items.sku",
            "units": {"$sum": "$items.qty"},
            "revenue_cents": {"$sum": {"$multiply": ["$items.qty", "$items.price_cents"]}},
        }},
        {"$sort": {"revenue_cents": -1, "_id": 1}},
        {"$project": {"_id": 0, "sku": "$_id", "units": 1, "revenue_cents": 1}},
    ]
    return list(orders.aggregate(pipeline))


def cancel_stale_pending(orders, now: datetime, max_age: timedelta) -> int:
    result = orders.update_many(
        {"status": "pending", "created": {"$lt": now - max_age}},
        {"$set": {"status": "cancelled", "cancelled_at": now}},
    )
    return result.modified_count
