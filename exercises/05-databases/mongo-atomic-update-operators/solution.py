"""Atomic single-document updates in MongoDB: $inc, conditions, upserts."""
from datetime import datetime

AFTER = True  # pymongo.ReturnDocument.AFTER (pymongo itself is not installed here; mongomock takes True)


def next_sequence(counters, name: str) -> int:
    doc = counters.find_one_and_update(
        {"_id": name}, {"$inc": {"seq": 1}}, upsert=True, return_document=AFTER
    )
    return doc["seq"]


def reserve(inventory, sku: str, qty: int) -> bool:
    if qty <= 0:
        raise ValueError(f"qty must be positive, got {qty}")
    result = inventory.update_one({"_id": sku, "stock": {"$gte": qty}}, {"$inc": {"stock": -qty}})
    return result.modified_count == 1


def add_to_cart(carts, cart_id: str, sku: str, qty: int, now: datetime) -> dict:
    if not isinstance(sku, str) or not sku or "." in sku or sku.startswith("$"):
        raise ValueError(f"invalid sku {sku!r}")
    return carts.find_one_and_update(
        {"_id": cart_id},
        {"$inc": {f"items.{sku}": qty}, "$set": {"updated_at": now}, "$setOnInsert": {"created_at": now}},
        upsert=True,
        return_document=AFTER,
    )
