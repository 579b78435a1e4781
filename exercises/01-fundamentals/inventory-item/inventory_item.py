"""OOP basics: a class that guards its own data.

Write `InventoryItem`, one line of a shop's stock list:

    bolt = InventoryItem("  bolt ", quantity=10, unit_price=0.25)
    bolt.name          # -> "bolt"  (surrounding spaces removed)
    bolt.total_value   # -> 2.5     (quantity * unit_price, always up to date)
    bolt.quantity = 12 # fine
    bolt.quantity = -1 # ValueError("quantity must not be negative, got -1")
    bolt               # -> InventoryItem('bolt', quantity=12, unit_price=0.25)
    bolt == InventoryItem("bolt", quantity=12, unit_price=0.25)   # -> True

Rules:
- `name` is stripped of surrounding whitespace; an empty name raises
  ValueError("name must not be empty").
- `quantity` (default 0) and `unit_price` (default 0.0) are properties. Their
  setters reject negative values with ValueError("quantity must not be
  negative, got -1") or ValueError("unit_price must not be negative, got
  -0.5"). The check runs in __init__ too, and a rejected value leaves the
  old one in place.
- `total_value` is a read-only property: assigning to it raises AttributeError.
- repr() gives the text above, which is valid Python that rebuilds the item.
- Two items are equal when name, quantity and unit_price are all equal. An
  item is never equal to something that is not an InventoryItem (return
  NotImplemented from __eq__ for those).
"""


class InventoryItem:
    """One product in stock: a name, how many we have, and the price of one."""

    def __init__(self, name: str, quantity: int = 0, unit_price: float = 0.0) -> None:
        # TODO: validate and store the name; set quantity and unit_price
        #       through their properties so the checks run.
        raise NotImplementedError

    # TODO: a `quantity` property with a setter that rejects negative numbers.

    # TODO: a `unit_price` property with a setter that rejects negative numbers.

    # TODO: a read-only `total_value` property.

    def __repr__(self) -> str:
        # TODO: "InventoryItem('bolt', quantity=10, unit_price=0.25)"
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        # TODO: compare name, quantity and unit_price; NotImplemented for other types.
        raise NotImplementedError
