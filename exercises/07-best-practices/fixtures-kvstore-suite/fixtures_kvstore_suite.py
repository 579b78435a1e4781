"""Fixtures and parametrisation: YOU write contract tests that run on two stores.

fixtkv_store.py holds MemoryStore and FileStore, two key-value stores with ONE contract
(set, get with a default, delete, sorted keys, an empty key refused; FileStore also keeps
every change in a UTF-8 JSON file that a new FileStore on the same path reads back). Read
its docstrings: they are the specification.

Write the tests the way a pytest user at work would:
- a fixture with params=["memory", "file"] that returns a MemoryStore() or a
  FileStore(tmp_path / "store.json") depending on request.param: every test that asks for
  it then runs once per store, so a bug in either class is found by the same test;
- fixtures built on fixtures (a `filled` store with a few pairs already set), so each test
  states only what it checks;
- @pytest.mark.parametrize with ids for the inputs (defaults, texts like "café" and "東京"),
  and pytest.raises for the errors.

Your suite is graded by mutation, the way teams judge tests: every case must pass against
the real stores; then the suite runs against eleven broken copies, each breaking ONE promise
(set/get and the default, keys, delete, the empty key, the file). For every copy at least one
of your tests must fail; you are told how many of each kind got past. At least 12 test cases
(each parametrize case and each fixture param counts). The grader provides tmp_path and
monkeypatch, and runs your own fixtures (return or yield) as pytest does.

Keep the import line as it is (the grader swaps both classes in this module). Run your tests
with the Python pyroad uses (`pyroad doctor` prints it):
    python -m pytest fixtures_kvstore_suite.py -v
"""

import pytest

from fixtkv_store import FileStore, MemoryStore


@pytest.fixture
def store():
    # TODO: params=["memory", "file"] on the decorator, then build the store from request.param
    # (a FileStore needs a path: ask for tmp_path as well).
    return MemoryStore()


def test_a_new_store_is_empty(store):
    assert store.keys() == []


def test_get_returns_what_set_stored(store):
    # TODO
    raise NotImplementedError


def test_a_reopened_file_store_sees_every_change(tmp_path):
    # TODO: set and delete through one FileStore, then open a second one on the same path.
    raise NotImplementedError


# TODO: more tests: the default of get (and a stored ""), sorted keys, delete and its KeyError,
# the empty key, two stores that must not share pairs, texts that are not ASCII...
