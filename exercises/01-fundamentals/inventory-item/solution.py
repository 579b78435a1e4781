"""OOP basics: a class that guards its own data."""


class InventoryItem:
    """One product in stock: a name, how many we have, and the price of one."""

    def __init__(self, name: str, quantity: int = 0, unit_price: float = 0.0) -> None:
        name = name.strip()
        if not name:
            raise ValueError("name must not be empty")
        self.name = name
        self.quantity = quantity
        self.unit_price = unit_price

    @property
    def quantity(self) -> int:
        return self._quantity

    @quantity.setter
    def quantity(self, value: int) -> None:
        if value < 0:
            raise ValueError(f"quantity must not be negative, got {value}")
        self._quantity = value

    @property
    def unit_price(self) -> float:
        return self._unit_price

    @unit_price.setter
    def unit_price(self, value: float) -> None:
        if value < 0:
            raise ValueError(f"unit_price must not be negative, got {value}")
        self._unit_price = value

    @property
    def total_value(self) -> float:
        return self.quantity * self.unit_price

    def __repr__(self) -> str:
        return f"InventoryItem({self.name!r}, quantity={self.quantity}, unit_price={self.unit_price})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, InventoryItem):
            return NotImplemented
        return (self.name, self.quantity, self.unit_price) == (
            other.name,
            other.quantity,
            other.unit_price,
        )
