"""Turn a folder of modules into a package, then use it.

Next to this file is a package, the folder inventory/:

    inventory/
        __init__.py   the package's public face         <- TODO
        models.py     the Item dataclass                 (done)
        stock.py      item_from_row(), total_value()     <- TODO: one import line

1. inventory/stock.py imports Item with an absolute import, ``from inventory.models
   import Item``. Make it relative (``from .models import ...``) so the package keeps
   working when it is copied into another project under another name.
2. inventory/__init__.py: re-export Item, item_from_row and total_value with relative
   imports, so users write ``from inventory import Item``. Set ``__all__`` so that
   ``from inventory import *`` gives exactly those three names (not the submodules).
3. Here: write ``inventory_value(rows)`` with the package's top-level API only
   (``from inventory import ...``), never reaching into inventory.stock.

    >>> inventory_value(["A-1, Widget, 3, 250", "B-2, Gadget, 1, 1999"])
    2749

Rows are 'sku,name,quantity,price_cents'; the value is the sum of quantity * price.
"""

# TODO: import what you need from the package's top level


def inventory_value(rows: list[str]) -> int:
    """Return the total value, in cents, of the stock described by the CSV rows."""
    # TODO: build Items from the rows and total them with the package's functions
    raise NotImplementedError
