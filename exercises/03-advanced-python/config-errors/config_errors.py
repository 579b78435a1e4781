"""Custom exceptions: an exception hierarchy for a config loader.

Good libraries raise their own exceptions, so callers can catch "anything
that went wrong with the config" without also catching unrelated bugs.
Build this hierarchy:

    ConfigError(Exception)          base class for every config problem
    ├── MissingKeyError             a required key is absent
    └── InvalidValueError           a key is present but its value is wrong

- MissingKeyError("port") has the attribute `.key` and its str() is
      missing required key: 'port'
- InvalidValueError("port", "abc", "an integer") has `.key`, `.value` and
  `.expected`, and its str() is
      invalid value for 'port': expected an integer, got 'abc'
- Both pass ALL their __init__ arguments, in order, to super().__init__, so
  `.args` is ("port",) or ("port", "abc", "an integer"). pickle rebuilds an
  exception as cls(*args), and multiprocessing pickles the errors it sends
  back from a worker process.

Then write read_port(settings), which returns settings["port"] as an int:

    read_port({"port": "8080"})   # -> 8080
    read_port({})                 # raises MissingKeyError("port")
    read_port({"port": "http"})   # raises InvalidValueError("port", "http", "an integer")
                                  # chained from the ValueError that int() raised
                                  # (raise ... from exc)
    read_port({"port": "70000"})  # raises InvalidValueError("port", "70000", "1-65535")
"""


class ConfigError(Exception):
    """Base class for every configuration problem."""


class MissingKeyError:  # TODO: this should be a ConfigError
    """A required key is absent."""

    def __init__(self, key: str) -> None:
        # TODO: keep `key` as an attribute and call super().__init__(key)
        ...

    # TODO: __str__ -> "missing required key: 'port'"


class InvalidValueError:  # TODO: this should be a ConfigError
    """A key is present but its value is not acceptable."""

    def __init__(self, key: str, value: str, expected: str) -> None:
        # TODO: keep key, value and expected as attributes; super().__init__(key, value, expected)
        ...

    # TODO: __str__ -> "invalid value for 'port': expected an integer, got 'abc'"


def read_port(settings: dict[str, str]) -> int:
    """Return settings["port"] as an int between 1 and 65535."""
    # TODO: raise MissingKeyError, InvalidValueError (chained with `from`)
    raise NotImplementedError
