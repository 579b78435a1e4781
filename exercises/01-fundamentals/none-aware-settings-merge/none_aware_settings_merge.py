"""Operators: when `or` is the right default, and when `is None` is.

`x or default` returns `default` whenever x is falsy, and 0, False, "" and []
are falsy. For a setting like timeout=0 ("no timeout") or verbose=False that
silently turns the user's choice back into the default. Use `is None` when
only None means "not given", and `or` only where empty really means missing.

    coalesce(None, 0, 30)                      # -> 0
    merge_settings({"timeout": 30, "retries": 3},
                   {"timeout": 0, "retries": None})
    # -> {"timeout": 0, "retries": 3}
    display_name({"nickname": "  ", "name": "Ann Lee"})   # -> "Ann Lee"

coalesce(*values)
- Returns the first value that is not None (the very object), or None if
  there is none (also when called with no values).

merge_settings(defaults, overrides) -> dict
- Returns a NEW dict: the defaults, with every override applied whose value
  is not None. 0, False, "" and [] are real values and replace the default.
  An override of None means "not set": the default stays, and a key with
  no default is not added at all. Neither argument is changed.

display_name(user) -> str
- The user's "nickname" if it has one that is not blank, else their "name"
  if it is not blank, else "anonymous". Either key may be missing or None;
  surrounding whitespace is removed from the result. A nickname of "0" is
  a real nickname.
"""


def coalesce(*values: object) -> object:
    """Return the first of `values` that is not None, else None."""
    # TODO
    raise NotImplementedError


def merge_settings(defaults: dict[str, object], overrides: dict[str, object]) -> dict[str, object]:
    """Return defaults updated with every override that is not None."""
    # TODO: this loses timeout=0 and verbose=False, and changes `defaults`.
    for key, value in overrides.items():
        defaults[key] = value or defaults.get(key)
    return defaults


def display_name(user: dict[str, str | None]) -> str:
    """Return the non-blank nickname, else the non-blank name, else "anonymous"."""
    # TODO
    raise NotImplementedError
