"""Exception handling: apply a batch of stock changes all-or-nothing.

A warehouse keeps its stock in a dict {sku: units}. A batch of changes is a
list of (sku, delta) pairs: +5 means five units arrived, -3 means three left.
A batch is applied completely or not at all: a half-applied batch is how
stock figures drift at work.

    stock = {"bolt": 10, "nut": 4}
    apply_changes(stock, [("bolt", -3), ("nut", +2)])
    stock                        # -> {"bolt": 7, "nut": 6}
    apply_changes(stock, [("bolt", -1), ("nut", -9)])
    # raises StockError("not enough 'nut': have 6, change -9")
    stock                        # -> {"bolt": 7, "nut": 6}   (the -1 was undone)

apply_changes(stock, changes, audit=None) -> None
- Changes `stock` IN PLACE (the caller's dict), one change after the other.
- An sku that is not in `stock` raises StockError("unknown item 'washer'"),
  raised `from` the KeyError (so `__cause__` is that KeyError); unknown items
  are never added.
- A change that would leave fewer than 0 units raises
  StockError("not enough 'nut': have 6, change -9"). Exactly 0 is fine.
- After each change is made, `audit(sku, old_units, new_units)` is called if
  an audit function was given. It may fail with ANY exception: a network
  error, a bug, or the user pressing Ctrl-C (KeyboardInterrupt).
- If anything at all goes wrong (a StockError, an exception from audit, even
  KeyboardInterrupt), `stock` is put back to exactly what it was before the
  call, and the very same exception object propagates to the caller
  unchanged: never swallow it, never replace it with another one.
"""

from collections.abc import Callable


class StockError(Exception):
    """A change that cannot be applied to the stock."""


def apply_changes(
    stock: dict[str, int],
    changes: list[tuple[str, int]],
    audit: Callable[[str, int, int], None] | None = None,
) -> None:
    """Apply every (sku, delta) change to `stock`, or none of them."""
    # TODO: remember the stock, apply the changes, and on ANY exception put
    #       the stock back and re-raise the same exception.
    raise NotImplementedError
