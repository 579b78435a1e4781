import builtins
import io
import pathlib
import runpy
import tempfile
from pathlib import Path

import pytest

import log_level_report
from log_level_report import count_levels, format_report, write_report

SAMPLE_LOG = """\
2024-05-01 09:00:01 INFO Server started
2024-05-01 09:12:09 ERROR Disk /var/data is 98% full
2024-05-01 09:15:00 INFO Benutzer Jürgen hat sich angemeldet
2024-05-01 09:20:31 WARNING Cache miss rate above 40%
2024-05-01 09:31:02 INFO Backup finished
"""


@pytest.fixture
def write_log(tmp_path):
    """Write `text` to a log file in a temporary folder and return its path."""

    def write(text: str, encoding: str = "utf-8"):
        path = tmp_path / "app.log"
        path.write_text(text, encoding=encoding)
        return path

    return write


def test_count_levels_counts_each_level_in_the_file(write_log):
    path = write_log(SAMPLE_LOG)

    assert count_levels(path) == {"INFO": 3, "ERROR": 1, "WARNING": 1}


def test_count_levels_of_an_empty_file_is_an_empty_dict(write_log):
    assert count_levels(write_log("")) == {}


def test_count_levels_skips_blank_lines(write_log):
    path = write_log("\n2024-05-01 09:00:01 INFO up\n   \n\n2024-05-01 09:00:02 INFO still up\n")

    assert count_levels(path) == {"INFO": 2}


def test_count_levels_reads_a_last_line_without_a_newline(write_log):
    path = write_log("2024-05-01 09:00:01 INFO up\n2024-05-01 09:00:02 ERROR down")

    assert count_levels(path) == {"INFO": 1, "ERROR": 1}


def test_count_levels_puts_levels_in_upper_case(write_log):
    path = write_log("2024-05-01 09:00:01 warning a\n2024-05-01 09:00:02 Warning b\n2024-05-01 09:00:03 WARNING c\n")

    assert count_levels(path) == {"WARNING": 3}


def test_count_levels_handles_many_lines(write_log):
    lines = [f"2024-05-01 10:00:00 {'ERROR' if n % 10 == 0 else 'INFO'} request {n}\n" for n in range(5000)]

    assert count_levels(write_log("".join(lines))) == {"ERROR": 500, "INFO": 4500}


def test_count_levels_reads_utf8_by_default(write_log):
    path = write_log("2024-05-01 09:15:00 INFO ユーザー 田中 がログインしました\n", encoding="utf-8")

    assert count_levels(path) == {"INFO": 1}


def test_count_levels_uses_the_encoding_it_is_given(write_log):
    path = write_log("2024-05-01 08:00:00 INFO Café ouvert à 8 h\n", encoding="latin-1")

    assert count_levels(path, encoding="latin-1") == {"INFO": 1}, "open the file with encoding=encoding"


def test_count_levels_does_not_hide_a_wrong_encoding(write_log):
    path = write_log("2024-05-01 08:00:00 INFO Café ouvert à 8 h\n", encoding="latin-1")

    with pytest.raises(UnicodeDecodeError):
        count_levels(path)  # the default is UTF-8, and these latin-1 bytes are not valid UTF-8


def test_count_levels_of_a_missing_file_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        count_levels(tmp_path / "no-such.log")


def test_count_levels_splits_fields_on_any_whitespace(write_log):
    path = write_log("2024-05-01  09:00:01\tINFO   up\n2024-05-01\t09:00:02    ERROR\tdown\n")

    assert count_levels(path) == {"INFO": 1, "ERROR": 1}, (
        "fields may be separated by several spaces or by tabs: line.split() with no argument "
        "splits on any run of whitespace, line.split(' ') does not"
    )


def test_count_levels_counts_a_line_with_a_level_but_no_message(write_log):
    path = write_log("2024-05-01 09:00:01 INFO\n")

    assert count_levels(path) == {"INFO": 1}, "three fields are enough: only FEWER than three is an error"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("oops\n", "line 1: expected 'DATE TIME LEVEL message', got 'oops'"),
        ("  \t oops  \n", "line 1: expected 'DATE TIME LEVEL message', got 'oops'"),
        (
            "2024-05-01 09:00:01 INFO up\n\n2024-05-01 09:00:02\n",
            "line 3: expected 'DATE TIME LEVEL message', got '2024-05-01 09:00:02'",
        ),
    ],
    ids=["first-line", "spaces-on-both-sides-removed", "third-line-after-a-blank-one"],
)
def test_count_levels_reports_the_number_of_a_bad_line(write_log, text, message):
    with pytest.raises(ValueError, match=message):
        count_levels(write_log(text))


def test_format_report_puts_the_most_frequent_level_first():
    assert format_report({"ERROR": 1, "INFO": 3, "DEBUG": 2}) == "INFO: 3\nDEBUG: 2\nERROR: 1\n"


def test_format_report_orders_equal_counts_alphabetically():
    assert format_report({"WARNING": 2, "INFO": 5, "ERROR": 2}) == "INFO: 5\nERROR: 2\nWARNING: 2\n"


def test_format_report_of_no_levels_is_empty():
    assert format_report({}) == ""


def test_write_report_writes_the_report_and_returns_the_path(tmp_path):
    target = tmp_path / "levels.txt"

    result = write_report({"INFO": 3, "ERROR": 1}, target)

    assert result == target
    assert target.read_text(encoding="utf-8") == "INFO: 3\nERROR: 1\n"


def test_write_report_creates_missing_parent_folders(tmp_path):
    target = tmp_path / "reports" / "2024" / "05" / "levels.txt"

    write_report({"INFO": 1}, target)

    assert target.is_file(), "create the folders first: path.parent.mkdir(parents=True, exist_ok=True)"
    assert target.read_text(encoding="utf-8") == "INFO: 1\n"


def test_write_report_replaces_an_old_report(tmp_path):
    target = tmp_path / "levels.txt"
    target.write_text("OLD: 99\n", encoding="utf-8")

    write_report({"ERROR": 2}, target)

    assert target.read_text(encoding="utf-8") == "ERROR: 2\n", "the old report must be replaced, not appended to"


def test_write_report_of_no_levels_writes_an_empty_file(tmp_path):
    target = tmp_path / "levels.txt"

    write_report({}, target)

    assert target.read_text(encoding="utf-8") == ""


def test_write_report_encodes_the_file_as_utf8(tmp_path):
    target = tmp_path / "levels.txt"

    write_report({"AVERTISSEMENT-É": 1}, target)

    assert target.read_bytes() == "AVERTISSEMENT-É: 1\n".encode("utf-8")


@pytest.fixture
def opens_with_default_encoding(monkeypatch):
    """Record the files opened as text without an explicit encoding (open, Path.open, write_text...)."""
    recorded = []
    real_open = io.open

    def watching_open(file, mode="r", buffering=-1, encoding=None, *args, **kwargs):
        if "b" not in mode and encoding in (None, "locale"):
            recorded.append(str(file))
        return real_open(file, mode, buffering, encoding, *args, **kwargs)

    # pathlib turns a missing encoding into the machine's default before it opens the file.
    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: encoding or "locale")
    monkeypatch.setattr(io, "open", watching_open)
    monkeypatch.setattr(builtins, "open", watching_open)
    accessor = getattr(pathlib, "_NormalAccessor", None)  # Path.open's route on Python 3.10
    if accessor is not None:
        monkeypatch.setattr(accessor, "open", staticmethod(watching_open))
    return recorded


def test_write_report_says_utf8_instead_of_trusting_the_machine_default(tmp_path, opens_with_default_encoding):
    write_report({"AVERTISSEMENT-É": 1}, tmp_path / "levels.txt")

    assert opens_with_default_encoding == [], (
        "the report was written without encoding='utf-8', so Python used the machine's default "
        "encoding: on a Windows machine set to cp1252 'É' would be written as other bytes"
    )


EXPECTED_OUTPUT = """\
Read 10 entries from server.log
INFO: 5
ERROR: 2
WARNING: 2
DEBUG: 1
Report written to levels_report.txt
"""


def test_main_prints_the_summary_of_server_log(tmp_path, capsys):
    log_level_report.main(tmp_path)

    printed = capsys.readouterr().out
    assert printed == EXPECTED_OUTPUT, (
        "server.log has a blank line, a lower-case 'warning' and Japanese text: "
        f"main() should print\n{EXPECTED_OUTPUT}\nbut printed\n{printed}"
    )


def test_main_writes_the_report_into_the_folder_it_is_given(tmp_path, capsys):
    report = log_level_report.main(tmp_path)

    assert report == tmp_path / "levels_report.txt"
    assert report.read_text(encoding="utf-8") == "INFO: 5\nERROR: 2\nWARNING: 2\nDEBUG: 1\n"


def test_running_the_script_leaves_nothing_next_to_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    folder = Path(log_level_report.__file__).parent
    before = sorted(folder.iterdir())

    report = log_level_report.main()

    assert sorted(folder.iterdir()) == before, "running the script must not write into the exercise folder"
    assert report.parent.parent == tmp_path, "with no folder given, the report goes to a new temporary folder"


def test_running_the_file_prints_the_summary_and_importing_it_prints_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    runpy.run_path(log_level_report.__file__, run_name="__main__")
    assert capsys.readouterr().out == EXPECTED_OUTPUT, "`python3 log_level_report.py` should call main()"

    runpy.run_path(log_level_report.__file__, run_name="log_level_report")
    assert capsys.readouterr().out == "", "importing the module must not print: keep main() under `if __name__ == '__main__':`"
