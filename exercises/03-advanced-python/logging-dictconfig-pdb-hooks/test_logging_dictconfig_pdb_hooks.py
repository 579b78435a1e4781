import io
import logging
import signal
import sys

import pytest

from logging_dictconfig_pdb_hooks import capture_breakpoints, configure_logging, debug_session

# Created when this module is imported, long before configure_logging runs,
# like the module-level loggers of every library already imported.
early_log = logging.getLogger("shop.early")


@pytest.fixture(autouse=True)
def restore_logging():
    """Put the logging configuration back after each test."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    names = ["shop.early", "shop.cart", "chatty", "chatty.sub"]
    saved = {name: (logging.getLogger(name).level, logging.getLogger(name).disabled) for name in names}
    yield
    root.handlers[:] = saved_handlers
    root.setLevel(saved_level)
    for name, (level, disabled) in saved.items():
        logging.getLogger(name).setLevel(level)
        logging.getLogger(name).disabled = disabled


def lines(stream):
    return stream.getvalue().splitlines()


def test_records_are_formatted_as_level_name_message():
    stream = io.StringIO()
    configure_logging(stream)

    logging.getLogger("shop.cart").info("added %s", "mug ☕")
    logging.getLogger("shop.cart").debug("not shown at INFO")

    assert lines(stream) == ["INFO shop.cart: added mug ☕"]


def test_the_level_is_applied_to_the_root_logger():
    stream = io.StringIO()
    configure_logging(stream, level="WARNING")

    logging.getLogger("shop.cart").info("hidden")
    logging.getLogger("shop.cart").warning("shown")

    assert lines(stream) == ["WARNING shop.cart: shown"]


def test_loggers_created_before_the_call_keep_working():
    stream = io.StringIO()
    configure_logging(stream)

    early_log.info("still here")

    assert lines(stream) == ["INFO shop.early: still here"], (
        "set 'disable_existing_loggers': False - the default mutes every logger that already existed"
    )


def test_quiet_loggers_and_their_children_only_show_warnings():
    stream = io.StringIO()
    configure_logging(stream, level="DEBUG", quiet=["chatty"])

    logging.getLogger("chatty").info("noise")
    logging.getLogger("chatty.sub").debug("more noise")
    logging.getLogger("chatty.sub").warning("real problem")
    logging.getLogger("shop.cart").debug("detail")

    assert lines(stream) == ["WARNING chatty.sub: real problem", "DEBUG shop.cart: detail"]


def test_configuring_twice_replaces_instead_of_adding():
    first, second = io.StringIO(), io.StringIO()
    configure_logging(first, level="INFO")
    configure_logging(second, level="DEBUG")

    logging.getLogger("shop.cart").debug("once")

    assert lines(first) == [], "the second call must replace the first handler (basicConfig would not)"
    assert lines(second) == ["DEBUG shop.cart: once"], "exactly one line: no duplicated handlers"


def compute(items):
    total = 0
    for item in items:
        total += item * 2
    return total


def test_a_debug_session_runs_the_commands_and_returns_the_result():
    result, transcript = debug_session(compute, ["p items", "next", "next", "p total"], [1, 2, 3])

    assert result == 12, "end the script with 'continue' so the function runs to the end and its result comes back"
    assert "-> total = 0" in transcript, "runcall stops at the function's first line"
    assert "(Pdb) [1, 2, 3]" in transcript
    assert "(Pdb) 0" in transcript, "after two steps total is still 0: p total prints it"


def test_keyword_arguments_reach_the_function():
    def scale(value, *, factor):
        return value * factor

    assert debug_session(scale, [], 3, factor=5)[0] == 15


def test_a_debug_session_never_reads_the_real_keyboard(monkeypatch):
    class NoKeyboard(io.StringIO):
        def readline(self, *args):
            raise AssertionError("pdb read sys.stdin: pass the commands as stdin=io.StringIO(...)")

    monkeypatch.setattr(sys, "stdin", NoKeyboard())
    assert debug_session(compute, ["p items"], [5])[0] == 10


def test_a_pdbrc_file_cannot_add_commands(tmp_path, monkeypatch):
    (tmp_path / ".pdbrc").write_text("p 'from the rc file'\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    monkeypatch.chdir(tmp_path)

    _, transcript = debug_session(compute, [], [1])

    assert "from the rc file" not in transcript, "pass readrc=False: a ~/.pdbrc must not change the session"


def test_a_debug_session_leaves_the_ctrl_c_handler_alone():
    before = signal.getsignal(signal.SIGINT)
    try:
        debug_session(compute, [], [1])
        after = signal.getsignal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGINT, before)

    assert after is before, "pass nosigint=True: otherwise pdb leaves its own Ctrl-C handler installed"


def spots():
    x = 1
    breakpoint()
    x = 2
    label = "é"
    breakpoint()
    return x


def test_breakpoints_record_a_copy_of_the_callers_locals():
    with capture_breakpoints() as seen:
        assert spots() == 2

    assert seen == [{"x": 1}, {"x": 2, "label": "é"}], (
        "record dict(frame.f_locals) at each breakpoint: a copy, not the live mapping that changes afterwards"
    )


def test_the_previous_hook_is_restored_even_after_an_error():
    before = sys.breakpointhook

    with pytest.raises(ZeroDivisionError):
        with capture_breakpoints():
            assert sys.breakpointhook is not before, "replace sys.breakpointhook inside the block"
            1 / 0

    assert sys.breakpointhook is before, "restore the previous hook in a finally: block"


def test_each_capture_starts_empty():
    with capture_breakpoints() as first:
        spots()
    with capture_breakpoints() as second:
        pass
    assert len(first) == 2 and second == []
