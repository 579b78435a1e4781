import inspect

import pytest

from debug_traceback_frames import describe_exception

HERE = "test_debug_traceback_frames.py"


# --- a small "application" that fails in known places ---------------------------------------

def load_price(item):
    return item["price"]


def order_total(items):
    total = 0
    for item in items:
        total += load_price(item)
    return total


class ConfigError(Exception):
    pass


def parse_port(text):
    return int(text)


def load_config(text):
    try:
        return parse_port(text)
    except ValueError as err:
        raise ConfigError(f"bad port {text!r}") from err


def start_app(text):
    try:
        return load_config(text)
    except ConfigError as err:
        raise RuntimeError("cannot start") from err


def catch(func, *args):
    """Call func and return the exception it raises, the way an `except` block would see it."""
    try:
        func(*args)
    except Exception as exc:
        return exc
    raise AssertionError(f"{func.__name__} was expected to raise")


def line_of(func, snippet):
    """The line number, in this file, of the line of `func` that contains `snippet`."""
    source, start = inspect.getsourcelines(func)
    for offset, text in enumerate(source):
        if snippet in text:
            return start + offset
    raise LookupError(snippet)


# --- the tests -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (KeyError("price"), "KeyError: 'price'"),
        (ZeroDivisionError("division by zero"), "ZeroDivisionError: division by zero"),
        (ValueError(), "ValueError"),
        (ValueError("prix invalide : «12 €»"), "ValueError: prix invalide : «12 €»"),
        (ConfigError("bad port"), "ConfigError: bad port"),
        (KeyboardInterrupt(), "KeyboardInterrupt"),
    ],
    ids=["key-error", "message", "empty-message", "unicode-message", "own-exception-class", "ctrl-c-is-an-exception-too"],
)
def test_first_line_is_the_class_name_and_the_message(exc, expected):
    assert describe_exception(exc)[0] == expected


def test_an_exception_that_was_never_raised_has_only_the_first_line():
    assert describe_exception(RuntimeError("not raised yet")) == ["RuntimeError: not raised yet"]


def test_frames_are_listed_outermost_first_with_file_line_function_and_source():
    exc = catch(order_total, [{"price": 3}, {"name": "tea"}])

    assert describe_exception(exc) == [
        "KeyError: 'price'",
        f"  at {HERE}:{line_of(catch, 'func(*args)')} in catch: func(*args)",
        f"  at {HERE}:{line_of(order_total, 'load_price(item)')} in order_total: total += load_price(item)",
        f"  at {HERE}:{line_of(load_price, 'return')} in load_price: return item[\"price\"]",
    ]


def test_file_names_are_shortened_to_their_base_name():
    exc = catch(order_total, [{}])
    frame_lines = describe_exception(exc)[1:]

    assert frame_lines, "expected one line per frame after the first line"
    for line in frame_lines:
        assert line.startswith(f"  at {HERE}:"), f"{line!r} should show only the file's base name"


def test_a_frame_without_source_text_has_no_trailing_colon():
    code = compile("1 / 0", "<generated>", "exec")
    exc = catch(exec, code)

    assert describe_exception(exc)[-1] == "  at <generated>:1 in <module>", (
        "code built with compile() has no source file, so the frame line ends after the function"
    )


def test_an_explicit_cause_is_described_after_caused_by():
    exc = catch(load_config, "eighty")

    assert describe_exception(exc) == [
        "ConfigError: bad port 'eighty'",
        f"  at {HERE}:{line_of(catch, 'func(*args)')} in catch: func(*args)",
        f"  at {HERE}:{line_of(load_config, 'raise ConfigError')} in load_config: "
        "raise ConfigError(f\"bad port {text!r}\") from err",
        "caused by:",
        "ValueError: invalid literal for int() with base 10: 'eighty'",
        f"  at {HERE}:{line_of(load_config, 'return parse_port')} in load_config: return parse_port(text)",
        f"  at {HERE}:{line_of(parse_port, 'return int')} in parse_port: return int(text)",
    ]


def test_every_cause_of_a_longer_chain_is_described_in_turn():
    exc = catch(start_app, "eighty")

    assert describe_exception(exc) == [
        "RuntimeError: cannot start",
        f"  at {HERE}:{line_of(catch, 'func(*args)')} in catch: func(*args)",
        f"  at {HERE}:{line_of(start_app, 'raise RuntimeError')} in start_app: "
        'raise RuntimeError("cannot start") from err',
        "caused by:",
        "ConfigError: bad port 'eighty'",
        f"  at {HERE}:{line_of(start_app, 'return load_config')} in start_app: return load_config(text)",
        f"  at {HERE}:{line_of(load_config, 'raise ConfigError')} in load_config: "
        "raise ConfigError(f\"bad port {text!r}\") from err",
        "caused by:",
        "ValueError: invalid literal for int() with base 10: 'eighty'",
        f"  at {HERE}:{line_of(load_config, 'return parse_port')} in load_config: return parse_port(text)",
        f"  at {HERE}:{line_of(parse_port, 'return int')} in parse_port: return int(text)",
    ], "the cause has a cause of its own: describe the whole chain, not just one level of it"


def test_a_chain_that_loops_back_stops_at_the_exception_already_described():
    first, second = ValueError("first"), KeyError("second")
    first.__cause__ = second
    second.__cause__ = first  # a loop: following __cause__ naively never ends

    assert describe_exception(first) == ["ValueError: first", "caused by:", "KeyError: 'second'"], (
        "remember which exceptions you have described and stop when the chain comes back to one of them"
    )


@pytest.mark.parametrize(
    ("value", "type_name"),
    [("boom", "str"), (None, "NoneType"), (KeyError, "type")],
    ids=["a-string", "none", "the-class-not-an-instance"],
)
def test_anything_that_is_not_an_exception_is_rejected(value, type_name):
    with pytest.raises(TypeError, match=f"expected an exception, got {type_name}"):
        describe_exception(value)
