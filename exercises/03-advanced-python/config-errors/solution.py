"""Custom exceptions: an exception hierarchy for a config loader."""


class ConfigError(Exception):
    """Base class for every configuration problem."""


class MissingKeyError(ConfigError):
    """A required key is absent."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key

    def __str__(self) -> str:
        return f"missing required key: {self.key!r}"


class InvalidValueError(ConfigError):
    """A key is present but its value is not acceptable."""

    def __init__(self, key: str, value: str, expected: str) -> None:
        super().__init__(key, value, expected)
        self.key = key
        self.value = value
        self.expected = expected

    def __str__(self) -> str:
        return f"invalid value for {self.key!r}: expected {self.expected}, got {self.value!r}"


def read_port(settings: dict[str, str]) -> int:
    """Return settings["port"] as an int between 1 and 65535."""
    if "port" not in settings:
        raise MissingKeyError("port")
    raw = settings["port"]
    try:
        port = int(raw)
    except ValueError as exc:
        raise InvalidValueError("port", raw, "an integer") from exc
    if not 1 <= port <= 65535:
        raise InvalidValueError("port", raw, "1-65535")
    return port
