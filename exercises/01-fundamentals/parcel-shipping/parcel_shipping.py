"""OOP basics: a small class hierarchy with a classmethod constructor.

A courier prices parcels by weight. Write `Parcel` and two subclasses:

    Parcel(2.5).cost()                                # -> 8.5   (4.00 + 1.50 * 3 started kg)
    ExpressParcel(2.5).cost()                         # -> 17.0  (twice the normal price)
    FragileParcel(2.5, handling_fee=5.0).cost()       # -> 13.5  (normal price + handling fee)
    ExpressParcel.from_label("750 g")                 # -> an ExpressParcel of 0.75 kg

Parcel
- `Parcel(weight_kg)` stores `weight_kg`. A weight that is not a finite
  number above 0 raises ValueError("weight must be positive and finite,
  got 0"): zero, negatives, and also float("nan") and float("inf"), which
  float() happily reads from a label such as "nan kg" (math.isfinite).
- The class attributes BASE_FEE = 4.00 and PER_KG = 1.50 set the price:
  cost() = BASE_FEE + PER_KG * (number of started kilograms), so 0.2 kg pays
  for 1 kg and 2.5 kg pays for 3 kg (math.ceil). Read the fees from the
  class attributes, so changing Parcel.PER_KG changes every price.
- `Parcel.from_label(label)` is a classmethod that reads weights such as
  "750g", "2.5 kg" or "1KG" (grams or kilograms, any case, spaces allowed)
  and returns an instance of the class it is called on. The unit is the
  letters at the end; any unit other than g or kg, including "mg", raises
  ValueError("unknown unit in '2 lb': use 'g' or 'kg'").

ExpressParcel(Parcel)
- cost() is twice the normal Parcel cost.

FragileParcel(Parcel)
- `FragileParcel(weight_kg, *, handling_fee=3.00)`: the weight is checked
  and stored by Parcel.__init__; the fee is stored as `handling_fee`.
- cost() is the normal Parcel cost plus the handling fee.

`total_cost(parcels)` adds up the cost of any mix of parcels.
"""

import math
import string
from collections.abc import Iterable


class Parcel:
    """A parcel priced by weight."""

    BASE_FEE = 4.00
    PER_KG = 1.50

    def __init__(self, weight_kg: float) -> None:
        # TODO: reject weights that are not positive, then store weight_kg.
        raise NotImplementedError

    @classmethod
    def from_label(cls, label: str) -> "Parcel":
        """Build a parcel of the calling class from a label like "750g" or "2.5 kg"."""
        # TODO: read the number and the unit, convert to kg, and build an instance with cls.
        raise NotImplementedError

    def cost(self) -> float:
        """Return the price: BASE_FEE plus PER_KG for every started kilogram."""
        # TODO: use self.BASE_FEE, self.PER_KG and math.ceil.
        raise NotImplementedError


class ExpressParcel(Parcel):
    """Delivered next day, for twice the price."""

    # TODO: override cost() and use super().cost().


class FragileParcel(Parcel):
    """Handled with care, for an extra fee."""

    def __init__(self, weight_kg: float, *, handling_fee: float = 3.00) -> None:
        # TODO: let Parcel.__init__ check and store the weight, then store handling_fee.
        raise NotImplementedError

    # TODO: override cost() and use super().cost().


def total_cost(parcels: Iterable[Parcel]) -> float:
    """Return the summed cost of every parcel, whatever its class."""
    # TODO
    raise NotImplementedError
