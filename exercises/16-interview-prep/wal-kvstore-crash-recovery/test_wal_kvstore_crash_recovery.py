import gc
import json
import os
import warnings
import struct
import zlib

import pytest

from wal_kvstore_crash_recovery import CorruptLogError, WalStore


def frame(record) -> bytes:
    payload = json.dumps(record).encode("utf-8")
    return struct.pack(">II", len(payload), zlib.crc32(payload)) + payload


def read_log(path):
    """Decode a log with the exact framing of the docstring."""
    data, offset, records = path.read_bytes(), 0, []
    while offset < len(data):
        assert offset + 8 <= len(data), f"a header is cut short at byte {offset}"
        length, crc = struct.unpack_from(">II", data, offset)
        payload = data[offset + 8:offset + 8 + length]
        assert len(payload) == length, f"the payload at byte {offset} is shorter than its header says"
        assert zlib.crc32(payload) == crc, f"the CRC of the record at byte {offset} does not match its payload"
        records.append(json.loads(payload.decode("utf-8")))
        offset += 8 + length
    return records


@pytest.fixture(autouse=True)
def fast_fsync(monkeypatch):
    """fsync waits for the disk (milliseconds each): a no-op keeps these tests fast."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)


@pytest.fixture
def log(tmp_path):
    return tmp_path / "db.log"


SAVED = [
    {"op": "set", "key": "a", "value": 1},
    {"op": "set", "key": "b", "value": [1, 2]},
    {"op": "del", "key": "a"},
]


@pytest.fixture
def saved_log(log):
    log.write_bytes(b"".join(frame(r) for r in SAVED))
    return log


def test_set_get_delete(log):
    with WalStore(log) as store:
        store.set("user:1", {"name": "Ada"})
        store.set("hits", 1)
        store.set("hits", 2)
        store.delete("user:1")
        assert store.get("hits") == 2 and store.get("user:1") is None and store.get("nope", "dflt") == "dflt"
        assert ("hits" in store, "user:1" in store, len(store)) == (True, False, 1)


def test_the_log_holds_one_framed_record_per_change(log):
    with WalStore(log) as store:
        store.set("a", 1)
        store.set("ключ", {"ü": [None, True]})
        store.delete("a")
    assert read_log(log) == [
        {"op": "set", "key": "a", "value": 1},
        {"op": "set", "key": "ключ", "value": {"ü": [None, True]}},
        {"op": "del", "key": "a"},
    ]


def test_a_missing_log_starts_empty_and_is_created(log):
    store = WalStore(log)
    assert len(store) == 0 and log.exists()
    store.close()


def test_a_new_store_replays_the_log(saved_log):
    with WalStore(saved_log) as store:
        assert (store.get("a"), store.get("b"), len(store)) == (None, [1, 2], 1)


def test_every_acknowledged_write_survives_a_crash(log):
    store = WalStore(log)  # never closed: the process "dies" after these calls return
    store.set("a", 1)
    store.set("b", 2)
    store.delete("a")
    reborn = WalStore(log)
    assert (reborn.get("a"), reborn.get("b")) == (None, 2), (
        "flush after every record: a write still in Python's buffer is lost when the process dies"
    )
    reborn.close()
    store.close()


@pytest.mark.parametrize("value", [0, False, "", None, [], {}], ids=["zero", "false", "empty-str", "none", "empty-list", "empty-dict"])
def test_falsy_values_are_values(log, value):
    with WalStore(log) as store:
        store.set("k", value)
    with WalStore(log) as store:
        assert "k" in store and store.get("k", "DEFAULT") == value


def test_deleting_an_unknown_key_logs_nothing(log):
    with WalStore(log) as store:
        store.set("a", 1)
        size = log.stat().st_size
        with pytest.raises(KeyError, match="ghost"):
            store.delete("ghost")
        assert log.stat().st_size == size, "deleting an unknown key must not write a record"


def test_a_value_json_cannot_encode_changes_nothing(log):
    with WalStore(log) as store:
        store.set("a", 1)
        size = log.stat().st_size
        with pytest.raises(TypeError):
            store.set("a", {1, 2, 3})  # a set is not JSON
        assert store.get("a") == 1, "write-ahead: encode and log first; memory changes only after the log write"
        grown = log.stat().st_size - size
        assert grown == 0, f"the log grew by {grown} bytes for a change that failed: encode the record completely first"
    with WalStore(log) as store:
        assert store.get("a") == 1


def test_every_possible_torn_tail_is_recovered_and_cut_off(saved_log):
    good = saved_log.read_bytes()
    torn = frame({"op": "set", "key": "c", "value": "lost"})
    for cut in range(1, len(torn)):
        saved_log.write_bytes(good + torn[:cut])
        with WalStore(saved_log) as store:
            assert (store.get("b"), len(store), store.get("c")) == ([1, 2], 1, None), f"cut after {cut} bytes"
            size = saved_log.stat().st_size
            assert size == len(good), (
                f"the log has {size} bytes, expected {len(good)}: a record cut after {cut} of its {len(torn)} bytes "
                "must be truncated away when the log is opened"
            )
            store.set("d", cut)
        with WalStore(saved_log) as store:
            assert store.get("d") == cut, (
                f"(cut after {cut} bytes) a record appended after the garbage of a torn tail is lost at the next "
                "start: truncate the file to the last good record before appending"
            )


def test_a_bad_crc_on_the_last_record_is_a_torn_write(saved_log):
    last = bytearray(frame({"op": "set", "key": "c", "value": "half"}))
    last[-2] ^= 0xFF
    good = saved_log.read_bytes()
    saved_log.write_bytes(good + bytes(last))
    with WalStore(saved_log) as store:
        assert store.get("c") is None and len(store) == 1, "a last record whose CRC does not match is ignored"
    size = saved_log.stat().st_size
    assert size == len(good), (
        f"the log has {size} bytes, expected {len(good)}: a last record with a bad CRC was torn by a crash; "
        "truncate it away like a cut-short record"
    )


def test_a_bad_crc_in_the_middle_is_corruption(saved_log):
    records = [frame(r) for r in SAVED]
    damaged = bytearray(records[1])
    damaged[10] ^= 0x01
    saved_log.write_bytes(records[0] + bytes(damaged) + records[2])
    with pytest.raises(CorruptLogError, match=f"^corrupt record at byte {len(records[0])}$"):
        WalStore(saved_log)
    assert saved_log.read_bytes() == records[0] + bytes(damaged) + records[2], "never truncate a corrupt log: a human must look"


def test_compact_keeps_one_set_per_live_key(log):
    with WalStore(log) as store:
        for n in range(50):
            store.set("counter", n)
        store.set("gone", 1)
        store.delete("gone")
        store.set("name", "Ada")
        before = log.stat().st_size
        store.compact()
        assert log.stat().st_size < before
        assert sorted(read_log(log), key=lambda r: r["key"]) == [
            {"op": "set", "key": "counter", "value": 49},
            {"op": "set", "key": "name", "value": "Ada"},
        ]
        assert (store.get("counter"), len(store)) == (49, 2)
        store.set("after", True)
    with WalStore(log) as store:
        assert (store.get("counter"), store.get("name"), store.get("after"), store.get("gone")) == (49, "Ada", True, None), (
            "after compact, records must go to the NEW log file: a handle to the old one writes into a file that "
            "os.replace has already removed"
        )
    assert sorted(p.name for p in log.parent.iterdir()) == ["db.log"], "the temporary .compact file must be gone"


def test_a_failed_swap_leaves_the_old_log_in_use(log, monkeypatch):
    with WalStore(log) as store:
        store.set("a", 1)
        store.set("a", 2)
        original = log.read_bytes()
        real_replace = os.replace

        swapped = []

        def broken_replace(src, dst):
            swapped.append((os.path.basename(src), os.path.basename(dst)))
            raise OSError("disk on fire")

        monkeypatch.setattr(os, "replace", broken_replace)
        with pytest.raises(OSError, match="disk on fire"):
            store.compact()
        assert swapped == [("db.log.compact", "db.log")], "write the new log to <path>.compact, then os.replace it over <path>"
        assert log.read_bytes() == original, (
            "compact must write a new file and swap it in with os.replace: writing over the live log destroys it "
            "if the process dies halfway"
        )
        monkeypatch.setattr(os, "replace", real_replace)
        store.set("b", 3)
    with WalStore(log) as store:
        assert (store.get("a"), store.get("b")) == (2, 3), "after a failed compact the store keeps logging to the old log"


def test_two_stores_do_not_share_data(tmp_path):
    with WalStore(tmp_path / "one.log") as one, WalStore(tmp_path / "two.log") as two:
        one.set("k", 1)
        assert "k" not in two


def test_a_thousand_records_replay(log):
    with WalStore(log) as store:
        for n in range(1_000):
            store.set(f"k{n % 100}", n)
    with WalStore(log) as store:
        assert len(store) == 100 and store.get("k7") == 907


def test_close_closes_the_log(log):
    store = WalStore(log)
    store.close()
    with pytest.raises(ValueError):
        store.set("a", 1)  # writing to a closed file
    with WalStore(log) as store:
        pass
    with pytest.raises(ValueError):
        store.set("a", 1)
    assert len(read_log(log)) == 0


def test_compact_does_not_leak_the_old_file_handle(log):
    with WalStore(log) as store:
        store.set("a", 1)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            store.compact()
            gc.collect()
    leaks = [w for w in caught if issubclass(w.category, ResourceWarning)]
    assert not leaks, "close the old log's file object before opening the new one (each leak holds a file descriptor)"
