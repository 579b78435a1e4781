"""Advanced OOP: a Money value type built from dunder methods.

Floats and money do not mix (0.1 + 0.2 != 0.3), so Money stores a whole
number of cents plus an ISO currency code. Teach it to behave like a
built-in value by writing its special ("dunder") methods:

    price = Money(1250, "EUR")
    str(price)                              # '12.50 EUR'
    price + Money(275, "EUR")               # Money(1525, 'EUR')
    price - Money(2000, "EUR")              # Money(-750, 'EUR')
    sum([Money(100, "EUR"), Money(5, "EUR")])  # Money(105, 'EUR')
    Money(100, "EUR") == Money(100, "EUR")  # True, and their hashes agree,
                                            # so Money works in sets and as a dict key
    Money(99, "EUR") < Money(100, "EUR")    # True; <=, > and >= work too
    sorted(prices), max(prices)             # work as expected

Rules:
- str(): "<units>.<two-digit cents> <currency>", a minus sign in front of
  negative amounts: Money(-305, "EUR") -> "-3.05 EUR", Money(5, "USD") -> "0.05 USD".
- Money equals only a Money with the same cents AND currency. For anything
  that is not a Money, __eq__ returns NotImplemented (not False): Python then
  lets the other object answer (unittest.mock.ANY == everything), and with a
  plain number the answer is False (Money(100, "EUR") == 100).
- +, - and < between different currencies raise
      ValueError("currency mismatch: EUR and USD")
- Mixing Money with other types (Money(1, "EUR") + 5, Money(1, "EUR") < 5)
  raises TypeError: return NotImplemented and Python raises it for you.
- Results are new Money objects; a Money is never changed after creation
  (`total += price` too makes a new Money and rebinds `total`).

__init__ and __repr__ are written for you.
"""

import functools  # noqa: F401  (you will want functools.total_ordering)


class Money:
    """An amount of money in the smallest unit (cents) of one currency."""

    def __init__(self, cents: int, currency: str) -> None:
        if not isinstance(cents, int):
            raise TypeError(f"cents must be an int, got {type(cents).__name__}")
        if not (len(currency) == 3 and currency.isascii() and currency.isupper()):
            raise ValueError(f"currency must be a 3-letter code like 'EUR', got {currency!r}")
        self.cents = cents
        self.currency = currency

    def __repr__(self) -> str:
        return f"Money({self.cents}, {self.currency!r})"

    # TODO: __str__
    # TODO: __eq__ and __hash__
    # TODO: __add__, __radd__ (for sum()) and __sub__
    # TODO: __lt__, plus @functools.total_ordering on the class
