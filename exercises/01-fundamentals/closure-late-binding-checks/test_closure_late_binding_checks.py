import pytest

from closure_late_binding_checks import make_accumulator, make_range_checks


def test_an_accumulator_keeps_a_running_total():
    add = make_accumulator()

    assert [add(5), add(), add(2), add(-3)] == [5, 6, 8, 5]


def test_an_accumulator_starts_from_its_start_value():
    add = make_accumulator(100)

    assert add(-1) == 99
    assert add(0) == 99


def test_accumulators_do_not_share_a_total():
    books = make_accumulator()
    books(5)
    pens = make_accumulator(10)

    assert pens(1) == 11
    assert books() == 6, "each accumulator needs its own total: use `nonlocal`, not a global"
    assert make_accumulator()() == 1, "a new accumulator must start from its own start value"


@pytest.fixture
def limits():
    return {"age": (0, 130), "percent": (0, 100), "temperature": (-40.0, 45.5)}


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("age", 120, True), ("age", 131, False), ("age", 130, True), ("age", -1, False),
        ("percent", 120, False), ("percent", 100, True), ("percent", 0, True),
        ("temperature", -40.0, True), ("temperature", -40.1, False), ("temperature", 45.5, True),
        ("temperature", 46, False),
    ],
    ids=[
        "age-inside", "age-above", "age-at-high", "age-below",
        "percent-above", "percent-at-high", "percent-at-low",
        "temperature-at-low", "temperature-below", "temperature-at-high", "temperature-above",
    ],
)
def test_each_check_uses_its_own_fields_limits(limits, field, value, expected):
    checks = make_range_checks(limits)

    assert checks[field](value) is expected, (
        f"checks[{field!r}]({value}) should be {expected} for limits {limits[field]} (both ends "
        "included). If every check behaves like the last field's, the lambdas made in the loop "
        "all see the loop variables' final values"
    )


def test_checks_are_made_for_exactly_the_given_fields(limits):
    assert sorted(make_range_checks(limits)) == ["age", "percent", "temperature"]
    assert make_range_checks({}) == {}


def test_changing_the_limits_afterwards_does_not_change_the_checks(limits):
    checks = make_range_checks(limits)

    limits["age"] = (0, 10)

    assert checks["age"](120) is True, (
        "a check must keep the limits it was made with, not look them up in the dict when called"
    )


def test_a_field_with_low_above_high_is_refused():
    with pytest.raises(ValueError, match=r"^age: low 130 is above high 0$"):
        make_range_checks({"percent": (0, 100), "age": (130, 0)})


def test_a_field_with_low_equal_to_high_allows_exactly_that_value():
    check = make_range_checks({"answer": (42, 42)})["answer"]

    assert (check(41), check(42), check(43)) == (False, True, False)


def test_the_module_has_no_global_state():
    import closure_late_binding_checks as module

    before = {name: value for name, value in vars(module).items() if not name.startswith("__")}
    make_accumulator()(3)
    make_range_checks({"age": (0, 130)})
    after = {name: value for name, value in vars(module).items() if not name.startswith("__")}

    assert after.keys() == before.keys() and all(after[k] is before[k] for k in before), (
        "calling the functions changed a module-level variable: keep the state in the closure"
    )
