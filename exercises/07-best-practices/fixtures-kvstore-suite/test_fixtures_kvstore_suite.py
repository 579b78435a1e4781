"""Grades YOUR test suite: it must pass on the real stores and catch broken copies of them.

Your tests are run here without a nested pytest: parametrize marks are expanded, your own
fixtures are resolved (yield fixtures are torn down, fixtures with params= multiply the
cases, `request.param` works), tmp_path and monkeypatch are provided, and MemoryStore and
FileStore are swapped for each pair of implementations in turn.
"""

import inspect
import itertools
import json
import types
from pathlib import Path

import pytest

import fixtkv_store
import fixtures_kvstore_suite as learner  # a module object, so pytest does not collect your tests twice

MIN_TESTS = 12
BUILTIN_FIXTURES = {"tmp_path", "monkeypatch"}


def build_stores(*, get_or=False, unsorted=(), silent_delete=False, empty_key_ok=False, shared=(),
                 forget_deletes=False, ignore_file=False, ascii_file=False, wrong_delete_error=False):
    """The real (MemoryStore, FileStore), or copies with one promise broken."""

    class Broken:
        """The broken behaviours, mixed in front of the real class (super() is the real method)."""

        def set(self, key, value):
            if empty_key_ok and not key:
                self._data[key] = value
                return self._changed()
            return super().set(key, value)

        def get(self, key, default=None):
            return (self._data.get(key) or default) if get_or else super().get(key, default)

        def delete(self, key):
            if key not in self._data and (silent_delete or wrong_delete_error):
                if wrong_delete_error:
                    raise ValueError(f"no such key: {key}")
                return None
            if forget_deletes and isinstance(self, fixtkv_store.FileStore):
                del self._data[key]
                return None
            return super().delete(key)

        def keys(self):
            kind = "file" if isinstance(self, fixtkv_store.FileStore) else "memory"
            return list(self._data) if kind in unsorted else super().keys()

    shared_data: dict = {}

    class Memory(Broken, fixtkv_store.MemoryStore):
        def __init__(self):
            super().__init__()
            if "memory" in shared:
                self._data = shared_data

    class File(Broken, fixtkv_store.FileStore):
        def __init__(self, path):
            super().__init__(path)
            if ignore_file:
                self._data = {}

        def _changed(self):
            if ascii_file:
                self.path.write_text(json.dumps(self._data, ensure_ascii=False), encoding="ascii", errors="replace")
            else:
                super()._changed()

    return Memory, File


REAL = (fixtkv_store.MemoryStore, fixtkv_store.FileStore)

# Broken copies, grouped by the promise they break. You are told how many copies of each kind
# got past your tests, never which bug a copy has.
KINDS = {
    "get-and-set": ("set, get and the default (a stored \"\" is a value)", [
        build_stores(get_or=True),
    ]),
    "keys": ("keys() (sorted, and only this store's keys)", [
        build_stores(unsorted=("memory", "file")),
        build_stores(unsorted=("memory",)),
        build_stores(unsorted=("file",)),
        build_stores(shared=("memory",)),
    ]),
    "delete": ("delete (removes the key; a missing key raises KeyError)", [
        build_stores(silent_delete=True),
        build_stores(wrong_delete_error=True),
    ]),
    "empty-key": ("the ValueError for an empty key", [
        build_stores(empty_key_ok=True),
    ]),
    "the-file": ("what FileStore keeps in its file (every change, any text, read back on open)", [
        build_stores(forget_deletes=True),
        build_stores(ignore_file=True),
        build_stores(ascii_file=True),
    ]),
}


# ---- a small stand-in for pytest's own test runner ------------------------------------------

_ParameterSet = type(pytest.param(None))
_SKIP_MARKS = {"skip", "skipif", "xfail"}


def _fixture(obj):
    """(name, function, params, ids) if obj is a @pytest.fixture, else None (pytest 6.2 to 9)."""
    marker = getattr(obj, "_fixture_function_marker", None)  # pytest >= 8.4
    if marker is not None:
        function = obj._get_wrapped_function()
    else:
        marker = getattr(obj, "_pytestfixturefunction", None)  # older pytest
        if marker is None:
            return None
        function = getattr(getattr(obj, "__pytest_wrapped__", None), "obj", obj)
    params = list(marker.params) if marker.params is not None else None
    return marker.name or function.__name__, function, params, marker.ids


def _learner_fixtures() -> dict:
    found = {}
    for obj in vars(learner).values():
        info = _fixture(obj)
        if info is not None:
            found[info[0]] = info[1:]
    return found


def _arguments(function) -> list[str]:
    return list(inspect.signature(function).parameters)


def _expand(marks) -> list[tuple[str, dict]]:
    """Turn @pytest.mark.parametrize marks into (id, kwargs) cases, like pytest does."""
    cases = [("", {})]
    for mark in marks:
        if mark.name != "parametrize":
            continue
        params = dict(zip(("argnames", "argvalues"), mark.args)) | dict(mark.kwargs)
        names = params["argnames"]
        if isinstance(names, str):
            names = [name.strip() for name in names.split(",") if name.strip()]
        ids = params.get("ids")
        expanded = []
        for index, value in enumerate(params["argvalues"]):
            case_id = None
            if isinstance(value, _ParameterSet):
                case_id, values = value.id, tuple(value.values)
            elif len(names) == 1:
                values = (value,)
            else:
                values = tuple(value)
            if case_id is None and isinstance(ids, (list, tuple)) and index < len(ids):
                case_id = str(ids[index])
            case_id = case_id or str(index)
            for previous_id, previous in cases:
                joined = f"{previous_id}-{case_id}" if previous_id else case_id
                expanded.append((joined, {**previous, **dict(zip(names, values))}))
        cases = expanded
    return cases


def _needed(names, fixtures, given) -> list[str]:
    """Every fixture that `names` need, directly or through other fixtures, in a stable order."""
    order, todo = [], list(names)
    while todo:
        name = todo.pop(0)
        if name in given or name in order or name == "request":
            continue
        order.append(name)
        if name in fixtures:
            todo.extend(_arguments(fixtures[name][0]))
    return order


def _collect() -> list[tuple[str, object, dict, dict]]:
    """Every test case in your module: (name, function, parametrize kwargs, fixture params)."""
    fixtures = _learner_fixtures()
    items = []
    for name, obj in vars(learner).items():
        if not (name.startswith("test") and inspect.isfunction(obj)):
            continue
        marks = list(getattr(obj, "pytestmark", []))
        if any(mark.name in _SKIP_MARKS for mark in marks):
            continue
        for case_id, kwargs in _expand(marks):
            parametrised = [fixture for fixture in _needed(_arguments(obj), fixtures, kwargs)
                            if fixture in fixtures and fixtures[fixture][1] is not None]
            choices = [list(enumerate(fixtures[fixture][1])) for fixture in parametrised]
            for combination in itertools.product(*choices):
                ids = [str(value) if isinstance(value, (str, int, float, bool)) or value is None
                       else f"{fixture}{index}" for fixture, (index, value) in zip(parametrised, combination)]
                full = "-".join(part for part in [*ids, case_id] if part)
                items.append((f"{name}[{full}]" if full else name, obj,
                              kwargs, {f: value for f, (_, value) in zip(parametrised, combination)}))
    return items


def _call(function, kwargs, fixture_params, workdir: Path):
    """Run one test case: build its fixtures, call it, tear the fixtures down."""
    fixtures = _learner_fixtures()
    cache, teardowns = {}, []
    monkeypatch = pytest.MonkeyPatch()

    def value_of(name, asked_by):
        if name in kwargs:
            return kwargs[name]
        if name in cache:
            return cache[name]
        if name == "tmp_path":
            value = workdir / f"case{len(list(workdir.iterdir()))}"
            value.mkdir()
        elif name == "monkeypatch":
            value = monkeypatch
        elif name in fixtures:
            fixture_function = fixtures[name][0]
            request = types.SimpleNamespace(param=fixture_params.get(name), fixturename=name)
            arguments = {arg: request if arg == "request" else value_of(arg, name)
                         for arg in _arguments(fixture_function)}
            value = fixture_function(**arguments)
            if inspect.isgenerator(value):
                teardowns.append(value)
                value = next(value)
        else:
            raise LookupError(f"{asked_by} asks for a fixture {name!r}: define it in your module "
                              f"(only {sorted(BUILTIN_FIXTURES)} are built in here)")
        cache[name] = value
        return value

    try:
        arguments = {arg: value_of(arg, function.__name__) for arg in _arguments(function)}
        function(**arguments)
    finally:
        try:
            for generator in reversed(teardowns):
                next(generator, None)
        finally:
            monkeypatch.undo()


def _run_your_tests(monkeypatch, tmp_path, stores, only=None, stop_at_first_failure=False) -> dict:
    """Run your test cases with `stores` as (MemoryStore, FileStore): {name: None if passed, else why}."""
    for module in (fixtkv_store, learner):
        for name, cls in zip(("MemoryStore", "FileStore"), stores):
            monkeypatch.setattr(module, name, cls, raising=module is fixtkv_store)
    workdir = tmp_path / f"run{len(list(tmp_path.iterdir()))}"
    workdir.mkdir()
    outcomes = {}
    for name, function, kwargs, fixture_params in _collect():
        if only is not None and name not in only:
            continue
        try:
            _call(function, kwargs, fixture_params, workdir)
        except pytest.skip.Exception:
            continue
        except (Exception, pytest.fail.Exception) as error:
            outcomes[name] = f"{type(error).__name__}: {error}".strip().splitlines()[0]
            if stop_at_first_failure:
                break
        else:
            outcomes[name] = None
    return outcomes


# ---- the grading ----------------------------------------------------------------------------

def test_your_suite_has_enough_test_cases():
    names = [name for name, *_ in _collect()]
    assert len(names) >= MIN_TESTS, (
        f"found {len(names)} test case(s); write at least {MIN_TESTS} (each parametrize case and each "
        "param of a parametrised fixture counts). Test functions must be named test_..."
    )


def test_a_fixture_of_yours_runs_tests_against_both_stores():
    parametrised = {name: params for name, (_, params, _) in _learner_fixtures().items() if params}
    assert parametrised, (
        "no fixture of yours has params=: the contract holds for BOTH stores, so write one fixture "
        "with params=[\"memory\", \"file\"] that builds one store or the other from request.param, "
        "and every test that asks for it runs twice"
    )


def test_all_your_tests_pass_against_the_real_stores(monkeypatch, tmp_path):
    outcomes = _run_your_tests(monkeypatch, tmp_path, REAL)
    failed = [f"{name}: {why}" for name, why in outcomes.items() if why is not None]
    assert not failed, (
        "these tests fail against the CORRECT stores, so they expect the wrong thing or are not "
        "written yet:\n  " + "\n  ".join(failed)
    )
    assert outcomes, "no test ran"


@pytest.mark.parametrize("kind", list(KINDS), ids=list(KINDS))
def test_your_tests_catch_every_broken_copy_of_this_kind(monkeypatch, tmp_path, kind):
    rule, copies = KINDS[kind]
    good = {name for name, why in _run_your_tests(monkeypatch, tmp_path, REAL).items() if why is None}
    escaped = 0
    for broken in copies:
        outcomes = _run_your_tests(monkeypatch, tmp_path, broken, only=good, stop_at_first_failure=True)
        if not any(why is not None for why in outcomes.values()):
            escaped += 1
    assert escaped == 0, (
        f"{escaped} of the {len(copies)} broken copies that break a promise about {rule} passed all of "
        f"your {len(good)} working test case(s). Does every such test run on BOTH stores (your "
        "parametrised fixture), and does each check the exact result?"
    )


def test_the_grader_runs_yield_fixtures_and_their_teardown(tmp_path):
    """(A check of this grader itself: set-up, request.param and teardown, as pytest does.)"""
    events = []

    def resource(request):
        events.append(f"up-{request.param}")
        yield request.param
        events.append(f"down-{request.param}")

    def test_uses(resource):
        events.append(f"test-{resource}")

    fake = types.SimpleNamespace(_fixture_function_marker=types.SimpleNamespace(name="resource", params=[1], ids=None),
                                 _get_wrapped_function=lambda: resource)
    original = vars(learner).copy()
    try:
        vars(learner)["_grader_fixture"] = fake
        _call(test_uses, {}, {"resource": 1}, tmp_path)
    finally:
        vars(learner).clear()
        vars(learner).update(original)
    assert events == ["up-1", "test-1", "down-1"]
