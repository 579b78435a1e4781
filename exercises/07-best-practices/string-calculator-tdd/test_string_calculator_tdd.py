"""Grades your TDD: each step's tests must go red before the step and green after it.

Your test functions are called directly (no nested pytest run): parametrize marks are expanded
here, and `add` is swapped for reference code that stops after step 0, 1, 2, ... 6.
"""

import inspect
import re

import pytest

import calculator
import string_calculator_tdd as learner  # a module object, so pytest does not collect your tests twice

YOUR_ADD = calculator.add
STEPS = range(1, 7)
STEP_NAME = re.compile(r"^test_?step_?(\d+)")


# --- the reference code, as it looks after each step (the simplest code that passes) ------------

def add_after_step0(numbers):
    raise NotImplementedError("nothing written yet")


def add_after_step1(numbers):
    return 0


def add_after_step2(numbers):
    return int(numbers) if numbers else 0


def add_after_step3(numbers):
    return sum(int(part) for part in numbers.split(",")) if numbers else 0


def add_after_step4(numbers):
    return sum(int(part) for part in re.split(r"[,\n]", numbers)) if numbers else 0


def add_after_step5(numbers):
    if numbers.startswith("//"):
        delimiter, _, numbers = numbers[2:].partition("\n")
        numbers = numbers.replace(delimiter, ",")
    return add_after_step4(numbers)


def add_after_step6(numbers):
    if numbers.startswith("//"):
        delimiter, _, numbers = numbers[2:].partition("\n")
        numbers = numbers.replace(delimiter, ",")
    values = [int(part) for part in re.split(r"[,\n]", numbers)] if numbers else []
    negatives = [str(value) for value in values if value < 0]
    if negatives:
        raise ValueError("negatives not allowed: " + ", ".join(negatives))
    return sum(values)


AFTER_STEP = [add_after_step0, add_after_step1, add_after_step2, add_after_step3,
              add_after_step4, add_after_step5, add_after_step6]
FINISHED = AFTER_STEP[-1]


# --- plausible wrong calculators: each breaks ONE explicit promise of a step, the rest is right ------

def almost_finished(numbers, *, only_two=False, one_char=False, custom_only=False, first_negative_only=False,
                    error=ValueError):
    delimiters = r"[,\n]"
    if numbers.startswith("//"):
        delimiter, _, numbers = numbers[2:].partition("\n")
        delimiter = delimiter[:1] if one_char else delimiter
        delimiters = re.escape(delimiter) if custom_only else f"{delimiters}|{re.escape(delimiter)}"
    values = [int(part) for part in re.split(delimiters, numbers)] if numbers else []
    negatives = [str(value) for value in values if value < 0]
    if negatives:
        named = negatives[:1] if first_negative_only else negatives
        raise error("negatives not allowed: " + ", ".join(named))
    return sum(values[:2] if only_two else values)


WRONG_FOR_STEP = {
    3: [("adds only the first two numbers", "however many there are", lambda n: almost_finished(n, only_two=True))],
    5: [
        ("reads only the first character of the delimiter", "a delimiter of any length",
         lambda n: almost_finished(n, one_char=True)),
        ("forgets commas and newlines once a custom delimiter is set", "commas and newlines still work",
         lambda n: almost_finished(n, custom_only=True)),
    ],
    6: [
        ("names only the first negative number", "ALL of them named",
         lambda n: almost_finished(n, first_negative_only=True)),
        ("raises a plain Exception, not a ValueError", "raises ValueError",
         lambda n: almost_finished(n, error=Exception)),
    ],
}


# --- collecting and running your tests ------------------------------------------------------------

_ParameterSet = type(pytest.param(None))
_SKIP_MARKS = {"skip", "skipif", "xfail"}


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


def collect() -> list[tuple[str, object, dict]]:
    """Every test case in your module, as (name, function, kwargs)."""
    items = []
    for name, func in vars(learner).items():
        if not (name.startswith("test") and inspect.isfunction(func)):
            continue
        marks = list(getattr(func, "pytestmark", []))
        if any(mark.name in _SKIP_MARKS for mark in marks):
            continue
        for case_id, kwargs in _expand(marks):
            items.append((f"{name}[{case_id}]" if case_id else name, func, kwargs))
    return items


def step_of(name: str) -> int | None:
    match = STEP_NAME.match(name)
    return int(match[1]) if match else None


def run_your_tests(monkeypatch, implementation, step=None) -> dict[str, str | None]:
    """Run your tests (all, or one step's) with `implementation` as add: {name: None if passed, else why}."""
    monkeypatch.setattr(calculator, "add", implementation)
    monkeypatch.setattr(learner, "add", implementation, raising=False)
    outcomes = {}
    for name, func, kwargs in collect():
        if step is not None and step_of(name) != step:
            continue
        missing = set(inspect.signature(func).parameters) - set(kwargs)
        if missing:
            outcomes[name] = f"asks for {sorted(missing)}, which is not a parametrize argument (no fixtures here)"
            continue
        try:
            func(**kwargs)
        except pytest.skip.Exception:
            continue
        except (Exception, pytest.fail.Exception) as error:
            outcomes[name] = f"{type(error).__name__}: {error}".removesuffix(": ")
        else:
            outcomes[name] = None
    monkeypatch.undo()
    return outcomes


def steps_up_to(step: int) -> str:
    return {0: "nothing at all", 1: "step 1"}.get(step, f"steps 1 to {step}")


def listing(outcomes: dict[str, str | None]) -> str:
    return "\n  ".join(f"{name}: {why}" for name, why in outcomes.items() if why is not None)


# --- the grading ------------------------------------------------------------------------------------

def test_every_test_is_named_after_its_step_and_every_step_has_one():
    names = [name for name, _, _ in collect()]
    unnamed = [name for name in names if step_of(name) not in STEPS]
    assert not unnamed, f"name each test test_step<N>_... with N from 1 to 6: {unnamed}"
    missing = [step for step in STEPS if not any(step_of(name) == step for name in names)]
    assert not missing, f"step(s) {missing} have no test yet"


@pytest.mark.parametrize("step", STEPS, ids=[f"step{step}" for step in STEPS])
def test_your_step_tests_go_red_on_the_code_before_the_step(monkeypatch, step):
    outcomes = run_your_tests(monkeypatch, AFTER_STEP[step - 1], step)
    assert outcomes, f"no test for step {step}"
    went_red = [name for name, why in outcomes.items() if why is not None]
    assert went_red, (
        f"every step-{step} test already passes on code that only does {steps_up_to(step - 1)}, "
        f"so none of them demands the new behaviour of step {step}. Test what step {step} adds: "
        f"{', '.join(outcomes)}"
    )


@pytest.mark.parametrize("step", STEPS, ids=[f"step{step}" for step in STEPS])
def test_your_step_tests_go_green_on_the_simplest_code_for_the_step(monkeypatch, step):
    outcomes = run_your_tests(monkeypatch, AFTER_STEP[step], step)
    assert outcomes, f"no test for step {step}"
    failed = listing(outcomes)
    assert not failed, (
        f"these step-{step} tests fail on code that does {steps_up_to(step)} correctly - they expect "
        f"something wrong, or something a LATER step adds:\n  {failed}"
    )


CAUGHT = [(step, *wrong) for step, wrongs in WRONG_FOR_STEP.items() for wrong in wrongs]


@pytest.mark.parametrize(
    ("step", "flaw", "promise", "wrong_add"), CAUGHT, ids=[f"step{step}-" + re.sub(r"\W+", "-", flaw).strip("-") for step, flaw, *_ in CAUGHT]
)
def test_your_step_tests_catch_a_calculator_that_breaks_the_steps_promise(monkeypatch, step, flaw, promise, wrong_add):
    outcomes = run_your_tests(monkeypatch, wrong_add, step)
    assert outcomes, f"no test for step {step}"
    assert any(why is not None for why in outcomes.values()), (
        f"all your step-{step} tests pass on a calculator that {flaw}, but step {step} promises "
        f"\"{promise}\": add a test case that only a correct calculator passes (compare the whole result or "
        f"the whole error message, not a part of it)"
    )


def test_all_your_tests_pass_on_the_finished_calculator(monkeypatch):
    failed = listing(run_your_tests(monkeypatch, FINISHED))
    assert not failed, f"these tests fail on a correct, finished calculator:\n  {failed}"


def test_all_your_tests_pass_on_your_own_calculator(monkeypatch):
    outcomes = run_your_tests(monkeypatch, YOUR_ADD)
    failed = listing(outcomes)
    assert outcomes and not failed, f"GREEN means your calculator.add passes your tests; these fail:\n  {failed}"


CHECKS = {
    1: [("", 0)],
    2: [("7", 7), ("0", 0), ("1234", 1234)],
    3: [("1,2", 3), ("1,2,3,4,5", 15), ("10,20,30", 60)],
    4: [("1\n2,3", 6), ("4\n5", 9)],
    5: [("//;\n1;2", 3), ("//***\n1***2***3", 6), ("//;\n1;2,3\n4", 10)],
    6: [("-1,2", "negatives not allowed: -1"), ("1,-2,3,-4", "negatives not allowed: -2, -4"),
        ("//;\n-5;6", "negatives not allowed: -5")],
}


@pytest.mark.parametrize("step", STEPS, ids=[f"step{step}" for step in STEPS])
def test_your_calculator_does_every_step(step):
    for numbers, expected in CHECKS[step]:
        if isinstance(expected, str):
            with pytest.raises(ValueError, match=f"^{re.escape(expected)}$"):
                YOUR_ADD(numbers)
        else:
            assert YOUR_ADD(numbers) == expected, f"add({numbers!r}) should be {expected} (step {step})"


@pytest.mark.parametrize("step", STEPS, ids=[f"step{step}" for step in STEPS])
def test_the_graders_reference_code_does_each_step_as_the_spec_says(step):
    """(A check of this grader itself.)"""
    for implementation in AFTER_STEP[step:]:
        for numbers, expected in CHECKS[step]:
            if isinstance(expected, str):
                with pytest.raises(ValueError, match=f"^{re.escape(expected)}$"):
                    implementation(numbers)
            else:
                assert implementation(numbers) == expected


@pytest.mark.parametrize(("step", "flaw", "promise", "wrong_add"), CAUGHT, ids=[f"step{step}" for step, *_ in CAUGHT])
def test_the_graders_wrong_calculators_first_go_wrong_at_their_own_step(step, flaw, promise, wrong_add):
    """(A check of this grader itself: each wrong calculator does the earlier steps right and its own wrong.)"""
    failing_steps = set()
    for check_step, checks in CHECKS.items():
        for numbers, expected in checks:
            try:
                ok = wrong_add(numbers) == expected
            except Exception as error:
                ok = type(error) is ValueError and str(error) == expected
            if not ok:
                failing_steps.add(check_step)
    assert failing_steps and min(failing_steps) == step
