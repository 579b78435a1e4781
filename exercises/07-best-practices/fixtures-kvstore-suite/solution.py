"""Contract tests for both stores: one parametrised fixture runs every test on each."""

import pytest

from fixtkv_store import FileStore, MemoryStore


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "store.json"


@pytest.fixture(params=["memory", "file"])
def store(request, store_path):
    if request.param == "memory":
        return MemoryStore()
    return FileStore(store_path)


@pytest.fixture
def filled(store):
    store.set("b", "2")
    store.set("a", "1")
    return store


def test_a_new_store_is_empty(store):
    assert store.keys() == []
    assert store.get("a") is None


def test_two_memory_stores_do_not_share_their_pairs():
    first, second = MemoryStore(), MemoryStore()
    first.set("a", "1")
    assert second.keys() == []


def test_get_returns_what_set_stored(filled):
    assert filled.get("a") == "1"
    filled.set("a", "one")
    assert filled.get("a") == "one"


@pytest.mark.parametrize(("default", "expected"), [(None, None), ("?", "?")], ids=["none", "given"])
def test_get_of_a_missing_key_returns_the_default(filled, default, expected):
    assert filled.get("zzz", default) == expected


def test_an_empty_string_is_a_value_not_a_missing_key(store):
    store.set("a", "")
    assert store.get("a", "default") == ""


def test_keys_are_sorted(filled):
    assert filled.keys() == ["a", "b"]


def test_delete_removes_the_key(filled):
    filled.delete("a")
    assert filled.keys() == ["b"]
    assert filled.get("a") is None


def test_deleting_a_missing_key_raises_key_error(filled):
    with pytest.raises(KeyError):
        filled.delete("zzz")


def test_an_empty_key_is_refused(store):
    with pytest.raises(ValueError, match="non-empty"):
        store.set("", "x")


@pytest.mark.parametrize("value", ["plain", "café", "東京", ""], ids=["ascii", "accent", "cjk", "empty"])
def test_a_reopened_file_store_sees_every_change(store_path, value):
    first = FileStore(store_path)
    first.set("k", value)
    first.set("gone", "x")
    first.delete("gone")
    reopened = FileStore(store_path)
    assert reopened.keys() == ["k"]
    assert reopened.get("k") == value
