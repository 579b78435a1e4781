"""inventory: a tiny stock-keeping package.

Its public API is three names: Item, item_from_row and total_value.
"""

# TODO: re-export the public API with RELATIVE imports:
#         Item from the submodule models, item_from_row and total_value from stock.
# TODO: set __all__ to exactly those three names.
