import codecs
import io
import pathlib
from types import SimpleNamespace

import pytest

import context_manager_toolkit
from context_manager_toolkit import Ignoring, paste, temporary_attribute

# ---------------------------------------------------------------- Ignoring


def test_ignoring_swallows_the_exception_and_remembers_it():
    with Ignoring(KeyError) as ignored:
        {}["missing"]

    assert isinstance(ignored, Ignoring), "__enter__ should return self, so `as ignored` works"
    assert isinstance(ignored.exception, KeyError)
    assert ignored.exception.args == ("missing",)


def test_ignoring_stops_the_block_at_the_exception():
    steps = []
    with Ignoring(ValueError):
        steps.append("before")
        int("not a number")
        steps.append("after")  # never reached
    steps.append("after the with")

    assert steps == ["before", "after the with"]


@pytest.mark.parametrize("error", [KeyError("k"), IndexError("i")], ids=["KeyError", "IndexError"])
def test_ignoring_also_swallows_subclasses(error):
    with Ignoring(LookupError) as ignored:
        raise error

    assert ignored.exception is error


def test_ignoring_lets_other_exceptions_through():
    with pytest.raises(ValueError, match="boom"):
        with Ignoring(KeyError):
            raise ValueError("boom")


def test_ignoring_has_no_exception_before_its_first_block():
    assert Ignoring(KeyError).exception is None


def test_ignoring_records_none_when_nothing_goes_wrong():
    with Ignoring(KeyError) as ignored:
        pass

    assert ignored.exception is None


def test_ignoring_can_be_used_again_and_forgets_the_old_exception():
    ignored = Ignoring(KeyError)
    with ignored:
        raise KeyError("first")
    with ignored:
        pass

    assert ignored.exception is None, "__enter__ should reset .exception for the new block"


@pytest.mark.parametrize("exc_type", [KeyboardInterrupt, BaseException, Exception], ids=["KeyboardInterrupt", "BaseException", "Exception"])
def test_ignoring_accepts_every_exception_class(exc_type):
    try:
        ignoring = Ignoring(exc_type)
    except TypeError as error:
        pytest.fail(
            f"{error}: KeyboardInterrupt and SystemExit are exception classes too, though not "
            "subclasses of Exception; check issubclass(exc_type, BaseException)"
        )
    try:
        with ignoring as ignored:
            raise exc_type("stop")
    except BaseException as escaped:  # not a bare raise: a KeyboardInterrupt would stop pytest itself
        pytest.fail(f"Ignoring({exc_type.__name__}) let {escaped!r} through")

    assert isinstance(ignored.exception, exc_type)


@pytest.mark.parametrize("not_a_class", [42, "KeyError", KeyError("k"), int], ids=["int", "str", "instance", "int-class"])
def test_ignoring_needs_an_exception_class(not_a_class):
    with pytest.raises(TypeError, match="Ignoring needs an exception class, got"):
        Ignoring(not_a_class)


# ---------------------------------------------------------------- temporary_attribute


@pytest.fixture
def settings():
    return SimpleNamespace(debug=False, name="prod")


def test_temporary_attribute_sets_the_value_inside_the_block(settings):
    with temporary_attribute(settings, "debug", True):
        assert settings.debug is True

    assert settings.debug is False, "the old value must be back after the block"


def test_temporary_attribute_restores_the_value_when_the_block_raises(settings):
    with pytest.raises(RuntimeError, match="crash"):
        with temporary_attribute(settings, "name", "test"):
            raise RuntimeError("crash")

    assert settings.name == "prod", "restore the old value in a `finally:` around the yield"


def test_temporary_attribute_removes_an_attribute_that_did_not_exist(settings):
    with temporary_attribute(settings, "colour", "blue"):
        assert settings.colour == "blue"

    assert not hasattr(settings, "colour"), "an attribute that was not there before must be deleted"


def test_temporary_attribute_restores_a_none_value(settings):
    settings.token = None
    with temporary_attribute(settings, "token", "secret"):
        pass

    assert hasattr(settings, "token") and settings.token is None, (
        "None was a real old value: put it back, do not delete the attribute"
    )


def test_temporary_attribute_can_be_nested(settings):
    with temporary_attribute(settings, "name", "outer"):
        with temporary_attribute(settings, "name", "inner"):
            assert settings.name == "inner"
        assert settings.name == "outer"
    assert settings.name == "prod"


# ---------------------------------------------------------------- paste with ExitStack


@pytest.fixture
def watch_open(monkeypatch):
    """Call it to start recording every file object opened from then on (paste's `open` is watched)."""

    def start() -> list:
        handles = []
        real_open = io.open

        def watching_open(file, mode="r", buffering=-1, encoding=None, *args, **kwargs):
            handle = real_open(file, mode, buffering, encoding, *args, **kwargs)
            handle.asked_encoding = encoding
            handles.append(handle)
            return handle

        # pathlib fills in the machine's default encoding before it opens a file: keep it visible.
        monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: encoding or "locale")
        monkeypatch.setattr(context_manager_toolkit, "open", watching_open, raising=False)
        monkeypatch.setattr(io, "open", watching_open)  # Path.open() goes through io.open
        accessor = getattr(pathlib, "_NormalAccessor", None)  # ...or through this, on Python 3.10
        if accessor is not None:
            monkeypatch.setattr(accessor, "open", staticmethod(watching_open))
        return handles

    return start


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_paste_joins_the_lines_of_each_file_with_tabs(tmp_path):
    a = write(tmp_path, "a.txt", "1\n2\n3\n")
    b = write(tmp_path, "b.txt", "one\ntwo\nthree\n")
    c = write(tmp_path, "c.txt", "un\ndeux\ntrois\n")

    assert paste([a, b, c]) == ["1\tone\tun", "2\ttwo\tdeux", "3\tthree\ttrois"]


def test_paste_stops_at_the_end_of_the_shortest_file(tmp_path):
    a = write(tmp_path, "a.txt", "1\n2\n")
    b = write(tmp_path, "b.txt", "one\ntwo\nthree\n")

    assert paste([a, b]) == ["1\tone", "2\ttwo"]


def test_paste_reads_utf8_and_a_last_line_without_newline(tmp_path):
    names = write(tmp_path, "names.txt", "Zoë\nJosé")
    cities = write(tmp_path, "cities.txt", "Zürich\nSão Paulo")

    assert paste([names, cities]) == ["Zoë\tZürich", "José\tSão Paulo"]


def test_paste_keeps_spaces_and_tabs_inside_each_line(tmp_path):
    a = write(tmp_path, "a.txt", "  indented\ntrailing  \nTAX\n")
    b = write(tmp_path, "b.txt", "\tx\ty\t\n \nBOX\n")

    assert paste([a, b]) == ["  indented\t\tx\ty\t", "trailing  \t ", "TAX\tBOX"], (
        "only the newline at the end of each line goes: line.rstrip('\\n'), not strip() or rstrip()"
    )


def test_paste_of_one_file_gives_its_lines(tmp_path):
    assert paste([write(tmp_path, "a.txt", "x\ny\n")]) == ["x", "y"]


def test_paste_of_no_files_is_empty():
    assert paste([]) == []


def test_paste_closes_every_file_it_opened(tmp_path, watch_open):
    paths = [write(tmp_path, f"{n}.txt", "line\n") for n in range(3)]
    opened = watch_open()

    paste(paths)

    assert len(opened) == 3, (
        f"expected the 3 files to be opened with open(path, encoding='utf-8'), saw {len(opened)} open() calls"
    )
    assert all(handle.closed for handle in opened), "every file must be closed when paste returns"
    asked = [handle.asked_encoding for handle in opened]
    assert all(name not in (None, "locale") and codecs.lookup(name).name == "utf-8" for name in asked), (
        "open each file with encoding='utf-8': without it Python uses the machine's default "
        "encoding, which is not UTF-8 on many Windows machines"
    )


def test_paste_closes_the_files_already_open_when_a_later_one_is_missing(tmp_path, watch_open):
    first = write(tmp_path, "first.txt", "a\n")
    second = write(tmp_path, "second.txt", "b\n")
    opened = watch_open()

    with pytest.raises(FileNotFoundError, match="missing.txt"):
        paste([first, second, tmp_path / "missing.txt"])

    assert len(opened) == 2, f"expected 2 files opened before the missing one, saw {len(opened)}"
    assert all(handle.closed for handle in opened), (
        "the files opened before the error must be closed too: that is what ExitStack is for"
    )
