"""inventory: a tiny stock-keeping package.

Its public API is three names: Item, item_from_row and total_value.
"""

from .models import Item
from .stock import item_from_row, total_value

__all__ = ["Item", "item_from_row", "total_value"]
