from datetime import datetime

import mongomock
import pytest

from mongo_atomic_update_operators import add_to_cart, next_sequence, reserve

T1 = datetime(2026, 3, 10, 12, 0)
T2 = datetime(2026, 3, 10, 12, 5)


@pytest.fixture
def db():
    return mongomock.MongoClient().shop


class RacingCollection:
    """The real collection, except that right after the first read another client runs `action`."""

    READS = ("find_one", "find")

    def __init__(self, collection, action):
        self._collection = collection
        self._action = action
        self.raced = False

    def finish_race(self):
        """If the code under test never read, the other client's write simply comes afterwards."""
        if not self.raced:
            self.raced = True
            self._action()

    def __getattr__(self, name):
        attr = getattr(self._collection, name)
        if name not in self.READS:
            return attr

        def read_then_race(*args, **kwargs):
            result = attr(*args, **kwargs)
            if name == "find":
                result = list(result)
            if not self.raced:
                self.raced = True
                self._action()
            return result

        return read_then_race


def test_sequences_start_at_1_and_count_up_per_name(db):
    assert [next_sequence(db.counters, "orders") for _ in range(3)] == [1, 2, 3]
    assert next_sequence(db.counters, "invoices") == 1
    assert db.counters.find_one({"_id": "orders"}) == {"_id": "orders", "seq": 3}


def test_two_clients_never_get_the_same_sequence_number(db):
    db.counters.insert_one({"_id": "orders", "seq": 41})
    racing = RacingCollection(db.counters, lambda: db.counters.update_one({"_id": "orders"}, {"$inc": {"seq": 1}}))
    mine = next_sequence(racing, "orders")
    racing.finish_race()
    assert db.counters.find_one({"_id": "orders"})["seq"] == 43 and mine in (42, 43), (
        "another client took 42 between your read and your write, and you handed out 42 again: "
        "read and increment in one find_one_and_update({'$inc': ...}, return_document=AFTER)"
    )


@pytest.fixture
def inventory(db):
    db.inventory.insert_many([{"_id": "PEN", "stock": 5}, {"_id": "MUG", "stock": 0}])
    return db.inventory


@pytest.mark.parametrize(
    "sku, qty, ok, left",
    [("PEN", 3, True, 5 - 3), ("PEN", 5, True, 0), ("PEN", 6, False, 5), ("MUG", 1, False, 0)],
    ids=["enough", "exactly-all", "one-too-many", "none-left"],
)
def test_reserve_takes_stock_only_when_enough_is_left(inventory, sku, qty, ok, left):
    assert reserve(inventory, sku, qty) is ok
    assert inventory.find_one({"_id": sku})["stock"] == left


def test_reserving_an_unknown_sku_is_refused_without_creating_it(inventory):
    assert reserve(inventory, "NOPE", 1) is False
    assert inventory.find_one({"_id": "NOPE"}) is None, "no upsert here: an unknown sku has no stock"


@pytest.mark.parametrize("qty", [0, -3], ids=["zero", "negative"])
def test_a_quantity_below_one_is_refused(inventory, qty):
    with pytest.raises(ValueError, match="qty"):
        reserve(inventory, "PEN", qty)
    assert inventory.find_one({"_id": "PEN"})["stock"] == 5


def test_a_racing_reservation_never_oversells(inventory):
    other_sold = []

    def other_client_buys_3():
        result = inventory.update_one({"_id": "PEN", "stock": {"$gte": 3}}, {"$inc": {"stock": -3}})
        other_sold.append(3 * result.modified_count)

    racing = RacingCollection(inventory, other_client_buys_3)
    we_sold = 4 if reserve(racing, "PEN", 4) else 0
    racing.finish_race()
    left = inventory.find_one({"_id": "PEN"})["stock"]
    assert left >= 0 and we_sold + other_sold[0] + left == 5, (
        f"5 pens, we sold {we_sold}, the other client {other_sold[0]}, and {left} are left: "
        "someone bought between your read and your write. Put the condition in the update's filter, "
        "{'_id': sku, 'stock': {'$gte': qty}}, so checking and decrementing are one atomic operation"
    )


def test_a_new_cart_is_created_with_the_item(db):
    cart = add_to_cart(db.carts, "c1", "PEN", 2, T1)
    assert cart == {"_id": "c1", "items": {"PEN": 2}, "created_at": T1, "updated_at": T1}


def test_adding_again_increments_and_keeps_created_at(db):
    add_to_cart(db.carts, "c1", "PEN", 2, T1)
    add_to_cart(db.carts, "c1", "MUG", 1, T2)
    cart = add_to_cart(db.carts, "c1", "PEN", 3, T2)
    assert cart == {"_id": "c1", "items": {"PEN": 5, "MUG": 1}, "created_at": T1, "updated_at": T2}, (
        "created_at is set only when the cart is created ($setOnInsert); updated_at every time ($set)"
    )


def test_concurrent_adds_to_one_cart_are_not_lost(db):
    add_to_cart(db.carts, "c1", "PEN", 1, T1)
    racing = RacingCollection(db.carts, lambda: db.carts.update_one({"_id": "c1"}, {"$inc": {"items.PEN": 10}}))
    add_to_cart(racing, "c1", "PEN", 2, T2)
    racing.finish_race()
    assert db.carts.find_one({"_id": "c1"})["items"]["PEN"] == 13, (
        "another add was lost: increment in the update ($inc), do not read the cart and write it back"
    )


@pytest.mark.parametrize("sku", ["items.PEN", "a.b", "$where", "", None, 7],
                         ids=["dotted", "dot", "operator", "empty", "none", "not-a-string"])
def test_a_sku_that_would_change_the_update_path_is_refused(db, sku):
    with pytest.raises(ValueError, match="sku"):
        add_to_cart(db.carts, "c1", sku, 1, T1)
    assert db.carts.find_one({"_id": "c1"}) is None
