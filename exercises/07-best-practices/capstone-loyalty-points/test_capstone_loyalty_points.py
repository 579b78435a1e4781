"""Capstone checks: the package's behaviour and contracts, its docs, ruff, mypy, and YOUR tests."""

import dataclasses
import doctest
import importlib
import inspect
import itertools
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

import loyalpts

PACKAGE_DIR = Path(inspect.getfile(loyalpts)).parent
RUFF_ARGS = [
    "check", "--isolated", "--no-cache", "--line-length", "100",
    "--select", "E,F,W,B,C90,D,ANN", "--ignore", "D105,D107",
    "--config", "lint.pydocstyle.convention='google'", "--config", "lint.mccabe.max-complexity=4",
    "--output-format", "concise",
]


def public(name):
    value = getattr(loyalpts, name, None)
    assert value is not None, f"loyalpts does not export {name}: write it (the task is in capstone_loyalty_points.py) and import it in loyalpts/__init__.py"
    return value


def purchase(total_cents=2599, category="food", tier="silver"):
    return public("Purchase")(total_cents=total_cents, category=category, tier=tier)


@pytest.fixture
def rules(monkeypatch):
    """loyalpts.RULES, restored after the test."""
    registry = public("RULES")
    monkeypatch.setattr(loyalpts.rules, "RULES", registry)
    saved = dict(registry)
    yield registry
    registry.clear()
    registry.update(saved)


# ---- the ledger's contract ------------------------------------------------------------------

@pytest.fixture
def ledger():
    new = public("Ledger")()
    new.earn(300)
    return new


def test_the_ledger_keeps_balance_and_history(ledger):
    Entry = public("Entry")
    ledger.redeem(100)
    ledger.earn(5)
    assert ledger.balance == 205
    assert ledger.history == (Entry("earn", 300), Entry("redeem", 100), Entry("earn", 5)), (
        "history is a tuple of Entry(kind, points), oldest first"
    )


def test_redeeming_exactly_the_balance_is_allowed(ledger):
    ledger.redeem(300)
    assert ledger.balance == 0


def test_redeeming_more_than_the_balance_is_refused_and_changes_nothing(ledger):
    with pytest.raises(public("PreconditionError"), match=r"^cannot redeem 301 points, balance is 300$"):
        ledger.redeem(301)
    assert (ledger.balance, len(ledger.history)) == (300, 1)


@pytest.mark.parametrize("points", [0, -1, True, 1.5, "5"], ids=["zero", "negative", "bool", "float", "text"])
@pytest.mark.parametrize("method", ["earn", "redeem"])
def test_points_must_be_a_positive_int(ledger, method, points):
    with pytest.raises(public("PreconditionError"), match=rf"^points must be a positive int, got {points!r}$"):
        getattr(ledger, method)(points)
    assert (ledger.balance, len(ledger.history)) == (300, 1)


def test_one_point_is_the_smallest_amount_and_is_accepted(ledger):
    ledger.earn(1)
    ledger.redeem(1)
    assert (ledger.balance, len(ledger.history)) == (300, 3), "1 is a positive int: earn(1) and redeem(1) must work"


def test_precondition_error_is_a_value_error():
    assert issubclass(public("PreconditionError"), ValueError)


def test_balance_and_history_are_read_only(ledger):
    with pytest.raises(AttributeError):
        ledger.balance = 10**6
    with pytest.raises(AttributeError):
        ledger.history = ()
    with pytest.raises((AttributeError, TypeError)):
        ledger.history.append(public("Entry")("earn", 10**6))
    assert ledger.balance == 300


def test_the_contract_still_holds_under_python_dash_o():
    script = textwrap.dedent("""
        import loyalpts
        ledger = loyalpts.Ledger()
        try:
            ledger.redeem(1)
        except loyalpts.PreconditionError:
            print("refused")
        else:
            print("allowed, balance", ledger.balance)
    """)
    result = subprocess.run([sys.executable, "-O", "-c", script], capture_output=True, text=True,
                            cwd=PACKAGE_DIR.parent, timeout=15)
    assert result.stdout.strip() == "refused", (
        "under `python -O` (which deletes every assert) the ledger let a member redeem points it does not "
        f"have: check contracts with `if ...: raise PreconditionError(...)`. Output: {result.stdout.strip()!r} "
        f"{result.stderr.strip()[-300:]}"
    )


# ---- the package's public face ---------------------------------------------------------------

def test_the_package_exports_its_api_in_dunder_all():
    expected = {"RULES", "TIER_MULTIPLIERS", "Entry", "Ledger", "PreconditionError", "Purchase",
                "points_for", "register_rule"}
    exported = set(getattr(loyalpts, "__all__", []))
    assert exported == expected, f"loyalpts.__all__ should be exactly {sorted(expected)}, got {sorted(exported)}"


# ---- points: a base by tier plus registered rules ----------------------------------------------

@pytest.mark.parametrize(
    ("total_cents", "category", "tier", "points"),
    [(2599, "food", "silver", 50), (1000, "books", "bronze", 20), (99, "food", "gold", 0),
     (9999, "food", "bronze", 99), (10_000, "food", "bronze", 150), (10_000, "books", "gold", 360), (0, "books", "gold", 10)],
    ids=["silver-whole-euros", "books-bonus", "under-one-euro", "just-under-big-basket",
         "big-basket-at-threshold", "both-bonuses", "free-book"],
)
def test_points_for_adds_the_tier_base_and_the_bonuses(total_cents, category, tier, points):
    assert public("points_for")(purchase(total_cents, category, tier)) == points


@pytest.mark.parametrize(("total_cents", "tier", "message"),
                         [(-1, "gold", r"^total_cents must be >= 0, got -1$"),
                          (100, "platinum", r"^unknown tier: 'platinum'$"),
                          (100, "Gold", r"^unknown tier: 'Gold'$"),
                          (-1, "platinum", r"^total_cents must be >= 0, got -1$")],
                         ids=["negative", "unknown-tier", "case-matters", "total-checked-first"])
def test_points_for_refuses_bad_purchases(total_cents, tier, message):
    with pytest.raises(ValueError, match=message):
        public("points_for")(purchase(total_cents, "food", tier))


def test_a_purchase_is_a_frozen_value():
    with pytest.raises(dataclasses.FrozenInstanceError):
        purchase().tier = "gold"


def test_a_new_tier_is_one_entry_in_tier_multipliers(monkeypatch):
    monkeypatch.setitem(public("TIER_MULTIPLIERS"), "platinum", 5)
    assert public("points_for")(purchase(2599, "food", "platinum")) == 125, (
        "the tier's multiplier must come from TIER_MULTIPLIERS, not from an if/elif per tier"
    )


def test_a_registered_rule_counts_without_editing_points_for(rules):
    @public("register_rule")("weekend")
    def weekend(purchase):
        return 7

    assert weekend(None) == 7, "register_rule(name) must return the function unchanged"
    assert rules["weekend"] is weekend
    assert public("points_for")(purchase(2599, "food", "silver")) == 57


def test_the_built_in_rules_are_registered_under_their_names(rules):
    assert sorted(rules) == ["big-basket", "books"]
    rules.pop("books")
    assert public("points_for")(purchase(1000, "books", "bronze")) == 10, "points_for must add the rules in RULES"


def test_a_rule_name_cannot_be_registered_twice(rules):
    with pytest.raises(ValueError, match=r"^rule 'books' is already registered$"):
        public("register_rule")("books")(lambda purchase: 1000)
    assert public("points_for")(purchase(1000, "books", "bronze")) == 20


# ---- docs, lint and types ------------------------------------------------------------------------

def test_the_examples_in_points_for_docstring_run():
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(public("points_for"), "points_for", globs=vars(loyalpts.rules).copy()):
        runner.run(test, out=lambda text: None)
    attempted = runner.summarize(verbose=False).attempted
    assert attempted >= 2, (
        f"points_for's docstring has {attempted} example(s): write at least two `>>> points_for(...)` "
        "lines, each followed by the result"
    )
    assert runner.summarize(verbose=False).failed == 0, "an example in points_for's docstring gives another result"


def test_ruff_reports_nothing_in_the_package(tmp_path):
    result = subprocess.run([sys.executable, "-m", "ruff", *RUFF_ARGS, str(PACKAGE_DIR)],
                            capture_output=True, text=True, cwd=tmp_path, timeout=15)
    findings = (result.stdout + result.stderr).replace(str(PACKAGE_DIR.parent) + "/", "").strip()
    assert result.returncode == 0, (
        "ruff finds these problems (C901 = a function too complex, D = docstrings, ANN = type hints):\n" + findings
    )


def test_mypy_strict_finds_no_type_error_in_the_package(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--hide-error-context",
         "--cache-dir", str(tmp_path / "mypy-cache"), "-p", "loyalpts"],
        capture_output=True, text=True, cwd=PACKAGE_DIR.parent, timeout=60,
    )
    assert result.returncode == 0, "mypy --strict reports:\n" + (result.stdout + result.stderr).strip()


# ---- YOUR tests, graded against broken ledgers ------------------------------------------------------

def build_ledger(*, strict_limit=False, no_limit=False, allow_zero=False, allow_bool=False,
                 live_history=False, forget_redeems=False, change_then_check=False):
    """A correct ledger (raising loyalpts' own PreconditionError and Entry), or one with a bug."""

    class ReferenceLedger:
        def __init__(self):
            self._entries, self._balance = [], 0

        @property
        def balance(self):
            return self._balance

        @property
        def history(self):
            return self._entries if live_history else tuple(self._entries)

        def _check(self, points):
            bad_type = type(points) is not int and not (allow_bool and type(points) is bool)
            if bad_type or points < (0 if allow_zero else 1):
                raise loyalpts.PreconditionError(f"points must be a positive int, got {points!r}")

        def earn(self, points):
            self._check(points)
            self._entries.append(loyalpts.Entry("earn", points))
            self._balance += points

        def redeem(self, points):
            self._check(points)
            if change_then_check:
                self._balance -= points
            too_much = points >= self._balance if strict_limit else points > self._balance
            if too_much and not no_limit and not change_then_check:
                raise loyalpts.PreconditionError(f"cannot redeem {points} points, balance is {self._balance}")
            if change_then_check and self._balance < 0:
                raise loyalpts.PreconditionError(f"cannot redeem {points} points, balance is {self._balance + points}")
            if not forget_redeems:
                self._entries.append(loyalpts.Entry("redeem", points))
            if not change_then_check:
                self._balance -= points

    return ReferenceLedger


KINDS = {
    "redeem-limit": ("redeeming up to the balance (exactly the balance is allowed, more is refused and changes nothing)", [
        build_ledger(strict_limit=True), build_ledger(no_limit=True), build_ledger(change_then_check=True),
    ]),
    "positive-points": ("what counts as a positive int of points (in earn AND redeem)", [
        build_ledger(allow_zero=True), build_ledger(allow_bool=True),
    ]),
    "history": ("the history (every entry, and nobody can change it from outside)", [
        build_ledger(live_history=True), build_ledger(forget_redeems=True),
    ]),
}

_ParameterSet = type(pytest.param(None))
_SKIP_MARKS = {"skip", "skipif", "xfail"}


@pytest.fixture
def learner():
    """Your capstone_loyalty_points module."""
    try:
        return importlib.import_module("capstone_loyalty_points")
    except Exception as error:  # an ImportError while loyalpts is not finished, for example
        pytest.fail(f"capstone_loyalty_points.py does not import: {type(error).__name__}: {error}")


def _fixture(obj):
    marker = getattr(obj, "_fixture_function_marker", None)  # pytest >= 8.4
    if marker is not None:
        function = obj._get_wrapped_function()
    else:
        marker = getattr(obj, "_pytestfixturefunction", None)  # older pytest
        if marker is None:
            return None
        function = getattr(getattr(obj, "__pytest_wrapped__", None), "obj", obj)
    params = list(marker.params) if marker.params is not None else None
    return marker.name or function.__name__, function, params


def _fixtures(module) -> dict:
    return {info[0]: info[1:] for info in map(_fixture, vars(module).values()) if info is not None}


def _expand(marks) -> list[tuple[str, dict]]:
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


def _collect(module) -> list[tuple[str, object, dict, dict]]:
    fixtures = _fixtures(module)
    items = []
    for name, obj in vars(module).items():
        if not (name.startswith("test") and inspect.isfunction(obj)):
            continue
        marks = list(getattr(obj, "pytestmark", []))
        if any(mark.name in _SKIP_MARKS for mark in marks):
            continue
        for case_id, kwargs in _expand(marks):
            needed, todo = [], list(inspect.signature(obj).parameters)
            while todo:
                fixture = todo.pop(0)
                if fixture in kwargs or fixture in needed or fixture == "request":
                    continue
                needed.append(fixture)
                if fixture in fixtures:
                    todo.extend(inspect.signature(fixtures[fixture][0]).parameters)
            parametrised = [f for f in needed if f in fixtures and fixtures[f][1] is not None]
            for combination in itertools.product(*(fixtures[f][1] for f in parametrised)):
                full = "-".join(part for part in [*map(str, combination), case_id] if part)
                items.append((f"{name}[{full}]" if full else name, obj, kwargs, dict(zip(parametrised, combination))))
    return items


def _call(module, function, kwargs, fixture_params, workdir: Path):
    fixtures = _fixtures(module)
    cache, teardowns = {}, []
    monkeypatch = pytest.MonkeyPatch()

    def value_of(name):
        if name in kwargs:
            return kwargs[name]
        if name not in cache:
            if name == "tmp_path":
                cache[name] = workdir / f"case{len(list(workdir.iterdir()))}"
                cache[name].mkdir()
            elif name == "monkeypatch":
                cache[name] = monkeypatch
            elif name in fixtures:
                fixture_function = fixtures[name][0]
                request = types.SimpleNamespace(param=fixture_params.get(name), fixturename=name)
                value = fixture_function(**{arg: request if arg == "request" else value_of(arg)
                                            for arg in inspect.signature(fixture_function).parameters})
                if inspect.isgenerator(value):
                    teardowns.append(value)
                    value = next(value)
                cache[name] = value
            else:
                raise LookupError(f"no fixture {name!r} (only your own, tmp_path and monkeypatch are offered)")
        return cache[name]

    try:
        function(**{arg: value_of(arg) for arg in inspect.signature(function).parameters})
    finally:
        try:
            for generator in reversed(teardowns):
                next(generator, None)
        finally:
            monkeypatch.undo()


def _run_your_tests(module, monkeypatch, tmp_path, ledger_class, only=None, stop_at_first_failure=False):
    monkeypatch.setattr(module, "Ledger", ledger_class, raising=False)
    monkeypatch.setattr(loyalpts, "Ledger", ledger_class)
    workdir = tmp_path / f"run{len(list(tmp_path.iterdir()))}"
    workdir.mkdir()
    outcomes = {}
    for name, function, kwargs, fixture_params in _collect(module):
        if only is not None and name not in only:
            continue
        try:
            _call(module, function, kwargs, fixture_params, workdir)
        except pytest.skip.Exception:
            continue
        except (Exception, pytest.fail.Exception) as error:
            outcomes[name] = f"{type(error).__name__}: {error}".strip().splitlines()[0]
            if stop_at_first_failure:
                break
        else:
            outcomes[name] = None
    return outcomes


def test_your_suite_has_at_least_eight_test_cases(learner):
    names = [name for name, *_ in _collect(learner)]
    assert len(names) >= 8, f"found {len(names)} test case(s) in capstone_loyalty_points.py; write at least 8"


def test_all_your_tests_pass_against_a_correct_ledger(learner, monkeypatch, tmp_path):
    outcomes = _run_your_tests(learner, monkeypatch, tmp_path, build_ledger())
    failed = [f"{name}: {why}" for name, why in outcomes.items() if why is not None]
    assert not failed, (
        "these tests of yours fail against a CORRECT ledger, so they expect the wrong thing or are not "
        "written yet:\n  " + "\n  ".join(failed)
    )
    assert outcomes, "no test ran"


@pytest.mark.parametrize("kind", list(KINDS), ids=list(KINDS))
def test_your_tests_catch_every_broken_ledger_of_this_kind(learner, monkeypatch, tmp_path, kind):
    rule, copies = KINDS[kind]
    good = {name for name, why in _run_your_tests(learner, monkeypatch, tmp_path, build_ledger()).items() if why is None}
    escaped = sum(
        not any(why is not None for why in _run_your_tests(learner, monkeypatch, tmp_path, broken, only=good,
                                                            stop_at_first_failure=True).values())
        for broken in copies
    )
    assert escaped == 0, (
        f"{escaped} of the {len(copies)} broken ledgers that break a promise about {rule} passed all of your "
        f"{len(good)} working test case(s): test that promise, boundary included"
    )
