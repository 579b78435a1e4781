import pytest

from inventory_item import InventoryItem


def test_init_stores_name_quantity_and_unit_price():
    item = InventoryItem("bolt", quantity=10, unit_price=0.25)

    assert (item.name, item.quantity, item.unit_price) == ("bolt", 10, 0.25)


def test_quantity_and_unit_price_default_to_zero():
    item = InventoryItem("washer")

    assert item.quantity == 0
    assert item.unit_price == 0.0


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("  bolt ", "bolt"), ("\tcafé crème\n", "café crème")],
    ids=["spaces", "tabs-newlines-and-unicode"],
)
def test_name_is_stripped_of_surrounding_whitespace(raw, expected):
    assert InventoryItem(raw).name == expected


@pytest.mark.parametrize("name", ["", "   "], ids=["empty", "only-spaces"])
def test_an_empty_name_is_rejected(name):
    with pytest.raises(ValueError, match="name must not be empty"):
        InventoryItem(name)


def test_quantity_can_be_changed_after_creation():
    item = InventoryItem("bolt", quantity=10)

    item.quantity = 12

    assert item.quantity == 12


def test_setting_a_negative_quantity_is_rejected_and_keeps_the_old_value():
    item = InventoryItem("bolt", quantity=10)

    with pytest.raises(ValueError, match="quantity must not be negative, got -1"):
        item.quantity = -1

    assert item.quantity == 10, "a rejected value must leave the old quantity in place"


def test_setting_a_negative_unit_price_is_rejected_and_keeps_the_old_value():
    item = InventoryItem("bolt", unit_price=0.25)

    with pytest.raises(ValueError, match="unit_price must not be negative, got -0.5"):
        item.unit_price = -0.5

    assert item.unit_price == 0.25, "a rejected value must leave the old unit_price in place"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"quantity": -3}, "quantity must not be negative, got -3"),
        ({"unit_price": -1.5}, "unit_price must not be negative, got -1.5"),
    ],
    ids=["negative-quantity", "negative-unit-price"],
)
def test_init_runs_the_same_checks_as_the_setters(kwargs, message):
    with pytest.raises(ValueError, match=message):
        InventoryItem("bolt", **kwargs)


def test_total_value_follows_changes_to_quantity_and_price():
    item = InventoryItem("bolt", quantity=10, unit_price=0.25)
    assert item.total_value == 2.5

    item.quantity = 4
    item.unit_price = 2.0

    assert item.total_value == 8.0, "total_value must be computed when read, not stored once in __init__"


def test_total_value_is_read_only():
    item = InventoryItem("bolt", quantity=10, unit_price=0.25)

    with pytest.raises(AttributeError):
        item.total_value = 100


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("bolt", 10, 0.25), "InventoryItem('bolt', quantity=10, unit_price=0.25)"),
        (("washer",), "InventoryItem('washer', quantity=0, unit_price=0.0)"),
        (("Joe's nut", 1, 3.5), 'InventoryItem("Joe\'s nut", quantity=1, unit_price=3.5)'),
    ],
    ids=["ordinary", "defaults", "name-with-apostrophe"],
)
def test_repr_shows_how_to_build_the_item(args, expected):
    assert repr(InventoryItem(*args)) == expected


def test_repr_is_python_code_that_rebuilds_an_equal_item():
    item = InventoryItem("café crème", quantity=7, unit_price=1.2)

    rebuilt = eval(repr(item), {"InventoryItem": InventoryItem})

    assert rebuilt == item


def test_items_with_the_same_data_are_equal():
    assert InventoryItem("bolt", 10, 0.25) == InventoryItem("bolt", 10, 0.25), (
        "without __eq__, Python compares identity: two separate objects are never equal"
    )


@pytest.mark.parametrize(
    "other_args",
    [("nut", 10, 0.25), ("bolt", 11, 0.25), ("bolt", 10, 0.3)],
    ids=["other-name", "other-quantity", "other-price"],
)
def test_items_that_differ_in_any_field_are_not_equal(other_args):
    assert InventoryItem("bolt", 10, 0.25) != InventoryItem(*other_args)


@pytest.mark.parametrize("other", ["bolt", ("bolt", 10, 0.25), None], ids=["string", "tuple", "none"])
def test_an_item_is_not_equal_to_other_types(other):
    item = InventoryItem("bolt", 10, 0.25)

    assert item != other
    assert item.__eq__(other) is NotImplemented, "for other types __eq__ should return NotImplemented"
