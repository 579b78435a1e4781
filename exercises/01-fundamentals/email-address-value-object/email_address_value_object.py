"""OOP basics: an email address that behaves like a value.

Two spellings of one address must count as one: "Ann@Example.COM" and
"Ann@example.com" reach the same mailbox, because the domain (after the @)
is not case-sensitive. The local part (before the @) IS case-sensitive by
the standard, so "Ann@example.com" and "ann@example.com" are different.

    a = EmailAddress("  Ann@Example.COM ")
    a.local, a.domain        # -> ("Ann", "example.com")
    str(a)                   # -> "Ann@example.com"
    repr(a)                  # -> "EmailAddress('Ann@example.com')"
    a == EmailAddress("Ann@example.com")               # -> True
    len({a, EmailAddress("Ann@example.com")})          # -> 1
    a == EmailAddress("ann@example.com")               # -> False

EmailAddress(text)
- Surrounding whitespace is ignored. The text must contain exactly one "@",
  something before it and something after it, and no whitespace inside;
  otherwise raise ValueError("not an email address: 'ann@@example.com'")
  showing the text as given.
- `local` and `domain` are read-only properties: `a.domain = "x"` raises
  AttributeError. The domain is stored in lower case, the local part as given.
- str(a) is "local@domain"; repr(a) is "EmailAddress('local@domain')", so
  eval(repr(a)) == a.
- a == b is True when b is an EmailAddress with the same local part and the
  same (lower-case) domain. Compared with anything that is not an
  EmailAddress (a str, a number), __eq__ returns NotImplemented, so Python
  can ask the other object, and a plain str is never equal.
- Equal addresses have equal hashes, so they work as set members and dict
  keys.
"""


class EmailAddress:
    """An email address compared by local part and lower-case domain."""

    def __init__(self, text: str) -> None:
        # TODO: validate, then store the local part and the lower-case domain.
        raise NotImplementedError

    # TODO: properties `local` and `domain` (no setters), __str__, __repr__,
    #       __eq__ and a __hash__ that agrees with __eq__.
