"""Atomic single-document updates in MongoDB: $inc, conditions, upserts.

MongoDB has no multi-statement locking by default, but every update of ONE
document is atomic. So never read a document, change it in Python and write
it back (another client can write in between, and one of the two changes is
lost); say the change in the update itself and let the server apply it.
The tests pass mongomock collections, sometimes wrapped so that another
client writes right after any find/find_one you make.

1. next_sequence(counters, name) -> int
   Numbers 1, 2, 3, ... per name (order numbers, invoice numbers), never
   the same one twice: one find_one_and_update({"_id": name},
   {"$inc": {"seq": 1}}, upsert=True, return_document=AFTER) creates the
   counter at its first use and returns the document after the increment.
   Counter documents look like {"_id": "orders", "seq": 3}.

2. reserve(inventory, sku, qty) -> bool
   Inventory documents are {"_id": sku, "stock": n}. Take qty only if at
   least qty are in stock: put the condition in the filter,
   {"_id": sku, "stock": {"$gte": qty}}, and {"$inc": {"stock": -qty}}; it
   worked if modified_count is 1. An unknown sku is False (and is not
   created). qty < 1 raises ValueError naming qty.

3. add_to_cart(carts, cart_id, sku, qty, now) -> the cart after the change
   Carts are {"_id": cart_id, "items": {sku: qty, ...}, "created_at": ...,
   "updated_at": ...}. In one upserting find_one_and_update: $inc
   f"items.{sku}" by qty, $set updated_at to now, and $setOnInsert
   created_at to now (only when the cart is created). The sku becomes part
   of a field path, so a sku that is not a non-empty str, contains '.' or
   starts with '$' raises ValueError naming the sku (it would write into
   another field or be read as an operator).

    >>> add_to_cart(carts, "c1", "PEN", 2, now)
    {'_id': 'c1', 'items': {'PEN': 2}, 'created_at': now, 'updated_at': now}
"""
from datetime import datetime

AFTER = True  # pymongo.ReturnDocument.AFTER (pymongo itself is not installed here; mongomock takes True)


def next_sequence(counters, name: str) -> int:
    # TODO
    raise NotImplementedError


def reserve(inventory, sku: str, qty: int) -> bool:
    # TODO
    raise NotImplementedError


def add_to_cart(carts, cart_id: str, sku: str, qty: int, now: datetime) -> dict:
    # TODO
    raise NotImplementedError
