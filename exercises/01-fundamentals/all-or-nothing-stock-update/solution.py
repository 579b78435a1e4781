"""Exception handling: apply a batch of stock changes all-or-nothing."""

from collections.abc import Callable


class StockError(Exception):
    """A change that cannot be applied to the stock."""


def apply_changes(
    stock: dict[str, int],
    changes: list[tuple[str, int]],
    audit: Callable[[str, int, int], None] | None = None,
) -> None:
    """Apply every (sku, delta) change to `stock`, or none of them."""
    snapshot = dict(stock)
    try:
        for sku, delta in changes:
            try:
                old = stock[sku]
            except KeyError as err:
                raise StockError(f"unknown item {sku!r}") from err
            new = old + delta
            if new < 0:
                raise StockError(f"not enough {sku!r}: have {old}, change {delta}")
            stock[sku] = new
            if audit is not None:
                audit(sku, old, new)
    except BaseException:
        stock.update(snapshot)
        raise
