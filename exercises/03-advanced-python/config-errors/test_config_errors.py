import pickle

import pytest

from config_errors import ConfigError, InvalidValueError, MissingKeyError, read_port


@pytest.mark.parametrize("cls", [MissingKeyError, InvalidValueError], ids=lambda c: c.__name__)
def test_every_specific_error_is_a_config_error(cls):
    assert issubclass(cls, ConfigError), f"{cls.__name__} should subclass ConfigError"
    assert issubclass(ConfigError, Exception)


def test_missing_key_error_keeps_the_key_and_explains_itself():
    err = MissingKeyError("database_url")

    assert err.key == "database_url"
    assert str(err) == "missing required key: 'database_url'"


def test_invalid_value_error_keeps_its_details_and_explains_itself():
    err = InvalidValueError("timeout", "soon", "a number of seconds")

    assert (err.key, err.value, err.expected) == ("timeout", "soon", "a number of seconds")
    assert str(err) == "invalid value for 'timeout': expected a number of seconds, got 'soon'"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("8080", 8080), ("1", 1), ("65535", 65535), (" 443 ", 443)],
    ids=["ordinary", "lowest", "highest", "surrounding-spaces"],
)
def test_read_port_returns_the_port_as_an_int(raw, expected):
    assert read_port({"port": raw, "host": "localhost"}) == expected


def test_read_port_raises_missing_key_error_without_a_port():
    with pytest.raises(MissingKeyError, match="missing required key: 'port'") as info:
        read_port({"host": "localhost"})
    assert info.value.key == "port"


@pytest.mark.parametrize("raw", ["http", "", "80.5", "８０八"], ids=["word", "empty", "decimal", "unicode"])
def test_read_port_chains_the_original_error_when_the_port_is_not_a_number(raw):
    with pytest.raises(InvalidValueError, match="expected an integer") as info:
        read_port({"port": raw})

    assert (info.value.key, info.value.value) == ("port", raw)
    assert isinstance(info.value.__cause__, ValueError), (
        "use `raise InvalidValueError(...) from exc` so the ValueError from int() is kept as __cause__"
    )
    assert "invalid literal for int()" in str(info.value.__cause__), "the cause should be the very error int() raised"


@pytest.mark.parametrize("raw", ["0", "-1", "65536", "70000"], ids=["zero", "negative", "one-too-big", "too-big"])
def test_read_port_rejects_ports_outside_the_valid_range(raw):
    with pytest.raises(InvalidValueError, match=r"^invalid value for 'port': expected 1-65535, got '%s'$" % raw) as info:
        read_port({"port": raw})
    assert (info.value.key, info.value.value, info.value.expected) == ("port", raw, "1-65535")


def test_callers_can_catch_every_problem_with_the_base_class():
    problems = []
    for settings in ({}, {"port": "http"}, {"port": "0"}):
        try:
            read_port(settings)
        except ConfigError as exc:
            problems.append(type(exc).__name__)

    assert problems == ["MissingKeyError", "InvalidValueError", "InvalidValueError"]


@pytest.mark.parametrize(
    ("cls", "args"),
    [(MissingKeyError, ("port",)), (InvalidValueError, ("port", "http", "an integer"))],
    ids=["missing-key", "invalid-value"],
)
def test_the_errors_survive_pickling_with_their_details(cls, args):
    # multiprocessing and some logging handlers send exceptions to another process with pickle,
    # which rebuilds them as cls(*error.args): args must be exactly the __init__ arguments.
    error = cls(*args)
    assert error.args == args, f"{cls.__name__}{args}.args is {error.args}: pass the __init__ arguments to super().__init__ in order"
    copy = pickle.loads(pickle.dumps(error))

    assert type(copy) is type(error)
    assert vars(copy) == vars(error), (
        "pass every __init__ argument on to super().__init__(...) - e.g. super().__init__(key, value, expected) - "
        "so that pickle can build the same exception again"
    )
    assert str(copy) == str(error)
