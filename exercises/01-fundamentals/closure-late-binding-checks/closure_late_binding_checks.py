"""Functions and scope: closures that keep their own state.

make_accumulator(start=0) -> add
- Returns a function `add(amount=1)` that adds `amount` to a running total
  and returns the new total. Every accumulator has its own total: making a
  second one, or using it, never changes the first.

      books = make_accumulator()
      books(5)        # -> 5
      books()         # -> 6
      pens = make_accumulator(100)
      pens(-1)        # -> 99
      books(2)        # -> 8

make_range_checks(limits) -> dict of checks
- `limits` maps a field name to (low, high). Returns a dict with one check
  function per field: check(value) is True when low <= value <= high (both
  ends included) and False otherwise.

      checks = make_range_checks({"age": (0, 130), "percent": (0, 100)})
      checks["age"](120)        # -> True
      checks["percent"](120)    # -> False

- Each check uses ITS OWN field's limits, as they were when
  make_range_checks was called: changing `limits` afterwards changes
  nothing.
- A field whose low is above its high raises
  ValueError("age: low 130 is above high 0").

Neither function may use global variables.
"""

from collections.abc import Callable


def make_accumulator(start: int = 0) -> Callable[..., int]:
    """Return add(amount=1) -> new total, with a total of its own."""
    total = start

    def add(amount: int = 1) -> int:
        # TODO: this fails with UnboundLocalError; make `total` the outer variable.
        total += amount
        return total

    return add


def make_range_checks(
    limits: dict[str, tuple[float, float]],
) -> dict[str, Callable[[float], bool]]:
    """Return {field: check(value) -> bool} for each field's (low, high)."""
    # TODO: this has the late-binding bug: every check sees the LAST low and
    #       high. Also refuse a low above its high.
    checks = {}
    for name, (low, high) in limits.items():
        checks[name] = lambda value: low <= value <= high
    return checks
