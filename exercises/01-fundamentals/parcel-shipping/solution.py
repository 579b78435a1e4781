"""OOP basics: a small class hierarchy with a classmethod constructor."""

import math
import string
from collections.abc import Iterable


class Parcel:
    """A parcel priced by weight."""

    BASE_FEE = 4.00
    PER_KG = 1.50

    def __init__(self, weight_kg: float) -> None:
        if not (math.isfinite(weight_kg) and weight_kg > 0):
            raise ValueError(f"weight must be positive and finite, got {weight_kg}")
        self.weight_kg = weight_kg

    @classmethod
    def from_label(cls, label: str) -> "Parcel":
        """Build a parcel of the calling class from a label like "750g" or "2.5 kg"."""
        text = label.strip().lower()
        number = text.rstrip(string.ascii_lowercase)
        unit = text[len(number):]
        if unit == "kg":
            weight_kg = float(number)
        elif unit == "g":
            weight_kg = float(number) / 1000
        else:
            raise ValueError(f"unknown unit in {label!r}: use 'g' or 'kg'")
        return cls(weight_kg)

    def cost(self) -> float:
        """Return the price: BASE_FEE plus PER_KG for every started kilogram."""
        return self.BASE_FEE + self.PER_KG * math.ceil(self.weight_kg)


class ExpressParcel(Parcel):
    """Delivered next day, for twice the price."""

    def cost(self) -> float:
        return super().cost() * 2


class FragileParcel(Parcel):
    """Handled with care, for an extra fee."""

    def __init__(self, weight_kg: float, *, handling_fee: float = 3.00) -> None:
        super().__init__(weight_kg)
        self.handling_fee = handling_fee

    def cost(self) -> float:
        return super().cost() + self.handling_fee


def total_cost(parcels: Iterable[Parcel]) -> float:
    """Return the summed cost of every parcel, whatever its class."""
    return sum(parcel.cost() for parcel in parcels)
