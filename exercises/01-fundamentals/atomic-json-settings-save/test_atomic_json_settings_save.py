import json
import os
from pathlib import Path

import pytest

from atomic_json_settings_save import load_json, save_json_atomic

OLD = {"theme": "dark", "font_size": 12}
OLD_TEXT = json.dumps(OLD, indent=2) + "\n"


@pytest.fixture
def path(tmp_path):
    folder = tmp_path / "app"
    folder.mkdir()
    return folder / "settings.json"


@pytest.fixture
def existing(path):
    path.write_text(OLD_TEXT, encoding="utf-8")
    return path


def names_in(folder: Path) -> set[str]:
    return {entry.name for entry in folder.iterdir()}


def test_save_writes_indented_utf8_json_ending_in_a_newline(path):
    save_json_atomic(path, {"city": "Zürich", "tags": ["café", "naïve"], "retries": 0})

    expected = '{\n  "city": "Zürich",\n  "tags": [\n    "café",\n    "naïve"\n  ],\n  "retries": 0\n}\n'
    assert path.read_bytes() == expected.encode("utf-8"), (
        "expected json.dumps(data, indent=2, ensure_ascii=False) + '\\n' written as UTF-8"
    )


def test_save_then_load_gives_the_data_back(path):
    data = {"theme": "dark", "recent": ["a.txt", "b.txt"], "zoom": 1.5, "beta": False}

    save_json_atomic(path, data)

    assert load_json(path) == data


def test_a_new_file_leaves_only_that_file_in_the_folder(path):
    save_json_atomic(path, {"theme": "dark"})

    assert names_in(path.parent) == {"settings.json"}, (
        "no temporary file may be left behind, and no backup is made when there was no old file"
    )


def test_the_new_content_is_swapped_in_not_written_over_the_old_file(existing):
    with existing.open(encoding="utf-8") as reader_opened_before:
        save_json_atomic(existing, {"theme": "light"})
        seen_by_old_reader = reader_opened_before.read()

    assert seen_by_old_reader == OLD_TEXT, (
        "the old file was overwritten in place: write a temporary file and os.replace() it "
        "onto the path, so readers never see a half-written file"
    )
    assert load_json(existing) == {"theme": "light"}


def test_the_temporary_file_is_in_the_same_folder_and_os_replace_swaps_it_in(existing, monkeypatch):
    calls = []
    real_replace = os.replace

    def spy_replace(src, dst, *args, **kwargs):
        now = existing.read_text(encoding="utf-8") if existing.exists() else "<missing>"
        calls.append((Path(src), Path(dst), now))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", spy_replace)

    save_json_atomic(existing, {"theme": "light"})

    assert calls, "swap the temporary file in with os.replace(temp_name, path)"
    src, dst, content_at_swap = calls[-1]
    assert dst == existing
    assert src.parent == existing.parent, (
        f"the temporary file was made in {src.parent}, not next to the settings file: "
        "os.replace is only atomic inside one file system, so use tempfile.mkstemp(dir=path.parent)"
    )
    assert content_at_swap == OLD_TEXT, (
        f"until the final os.replace, the settings file must still hold the old content, not {content_at_swap!r}: "
        "back it up by copying (shutil.copy2), never by renaming it away"
    )


def test_the_data_is_flushed_and_fsynced_before_the_swap(existing, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def spy_fsync(fd):
        events.append(("fsync", os.fstat(fd).st_size))
        return real_fsync(fd)

    def spy_replace(src, dst, *args, **kwargs):
        events.append(("replace", Path(src).stat().st_size))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "fsync", spy_fsync)
    monkeypatch.setattr(os, "replace", spy_replace)

    save_json_atomic(existing, {"theme": "light"})

    size = existing.stat().st_size
    assert ("fsync", size) in events, (
        "call temp.flush() and then os.fsync(temp.fileno()) so the whole content is on disk: "
        f"fsync saw {events}"
    )
    assert events.index(("fsync", size)) < events.index(("replace", size)), (
        "fsync the temporary file before os.replace swaps it in"
    )


def test_saving_again_keeps_the_previous_version_as_a_backup(existing):
    save_json_atomic(existing, {"theme": "light"})
    backup = existing.with_name("settings.json.bak")

    assert backup.read_text(encoding="utf-8") == OLD_TEXT

    save_json_atomic(existing, {"theme": "blue"})

    assert json.loads(backup.read_text(encoding="utf-8")) == {"theme": "light"}, (
        "the backup holds the version just before the latest save"
    )
    assert names_in(existing.parent) == {"settings.json", "settings.json.bak"}


def test_no_backup_is_made_when_backup_is_false(existing):
    save_json_atomic(existing, {"theme": "light"}, backup=False)

    assert names_in(existing.parent) == {"settings.json"}
    assert load_json(existing) == {"theme": "light"}


@pytest.mark.parametrize(
    "data",
    [{"theme": "light", "tags": {"a", "b"}}, {"theme": "light", "when": object()}],
    ids=["a-set-inside", "an-object-inside"],
)
def test_data_json_cannot_store_raises_and_keeps_the_old_file(existing, data):
    with pytest.raises(TypeError):
        save_json_atomic(existing, data)

    assert existing.read_text(encoding="utf-8") == OLD_TEXT, (
        "the old settings were destroyed by a failed save: never write into the real file directly"
    )
    assert names_in(existing.parent) <= {"settings.json", "settings.json.bak"}, (
        f"a temporary file was left behind: {sorted(names_in(existing.parent))}"
    )


@pytest.mark.parametrize(
    "error",
    [OSError(28, "No space left on device"), KeyboardInterrupt()],
    ids=["disk-full", "ctrl-c"],
)
def test_a_failing_swap_keeps_the_old_file_removes_the_temp_file_and_reraises(existing, monkeypatch, error):
    def failing_replace(src, dst, *args, **kwargs):
        raise error

    monkeypatch.setattr(os, "replace", failing_replace)

    with pytest.raises(type(error)) as excinfo:
        save_json_atomic(existing, {"theme": "light"})

    assert excinfo.value is error, "let the original exception propagate with a bare `raise`"
    assert existing.read_text(encoding="utf-8") == OLD_TEXT
    assert names_in(existing.parent) <= {"settings.json", "settings.json.bak"}, (
        f"the temporary file was left behind after a {type(error).__name__}: clean it up in "
        "`except BaseException:` (or `finally`), since KeyboardInterrupt is not an Exception"
    )


def test_load_of_a_missing_file_returns_the_default(path):
    assert load_json(path) is None
    assert load_json(path, default={"theme": "dark"}) == {"theme": "dark"}


@pytest.mark.parametrize("text", ["[]", "{}", "0", '""', "false", "null"],
                         ids=["empty-list", "empty-dict", "zero", "empty-string", "false", "null"])
def test_load_returns_stored_empty_or_falsy_values_not_the_default(path, text):
    path.write_text(text + "\n", encoding="utf-8")

    assert load_json(path, default="DEFAULT") == json.loads(text), (
        f"the file holds {text}, which is data: `json.loads(...) or default` throws it away"
    )


def test_load_reads_utf8(path):
    path.write_bytes('{"city": "Zürich"}'.encode("utf-8"))

    assert load_json(path) == {"city": "Zürich"}


def test_load_of_invalid_json_raises(path):
    path.write_text('{"theme": ', encoding="utf-8")

    with pytest.raises(json.JSONDecodeError):
        load_json(path, default={})
