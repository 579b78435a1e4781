"""Pins every result of the old parking_fee, then measures the smells: they must be gone."""

import ast
import inspect
from collections import Counter

import pytest

import parking_fee_branch_smells as parking


def legacy_parking_fee(minutes, vehicle, weekend, member, receipt=False):
    """The old code, condensed but with the same results: the oracle."""
    if minutes < 0:
        raise ValueError("minutes must be >= 0, got " + str(minutes))
    rates = {("car", True): (250, 1500), ("car", False): (200, 1200),
             ("motorbike", True): (100, 600), ("motorbike", False): (80, 500),
             ("van", True): (400, 2400), ("van", False): (350, 2000)}
    if (vehicle, weekend) not in rates:
        raise ValueError("unknown vehicle: " + repr(vehicle))
    per_hour, cap = rates[vehicle, weekend]
    fee = 0 if minutes <= 30 else min((minutes - 30 + 59) // 60 * per_hour, cap)
    if member:
        fee = fee - fee * 20 // 100
    if receipt:
        return f"{vehicle} {minutes} min: {fee // 100}.{fee % 100:02d} EUR"
    return fee


MINUTES = [0, 1, 29, 30, 31, 60, 89, 90, 91, 95, 150, 151, 210, 211, 330, 331, 390, 391, 600, 1441]
STAYS = [(m, v, w, mb) for m in MINUTES for v in ("car", "motorbike", "van")
         for w in (False, True) for mb in (False, True)]


@pytest.fixture(scope="module")
def tree() -> ast.Module:
    return ast.parse(inspect.getsource(parking))


def functions(tree):
    return [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]


def complexity(function) -> int:
    """McCabe's number: 1 + one per decision point."""
    score = 1
    for node in ast.walk(function):
        if isinstance(node, (ast.If, ast.For, ast.AsyncFor, ast.While, ast.IfExp, ast.ExceptHandler)):
            score += 1
        elif isinstance(node, ast.BoolOp):
            score += len(node.values) - 1
        elif isinstance(node, ast.comprehension):
            score += 1 + len(node.ifs)
        elif hasattr(ast, "match_case") and isinstance(node, ast.match_case):
            score += 1
    return score


def test_parking_fee_gives_every_result_of_the_old_code():
    wrong = [(stay, parking.parking_fee(*stay), legacy_parking_fee(*stay)) for stay in STAYS
             if parking.parking_fee(*stay) != legacy_parking_fee(*stay)]
    assert not wrong, (
        f"{len(wrong)} of {len(STAYS)} stays now cost something else; the first ones "
        "((minutes, vehicle, weekend, member), yours, the old code's):\n"
        + "\n".join(f"  {stay}: {got} != {want}" for stay, got, want in wrong[:5])
    )


@pytest.mark.parametrize(
    ("stay", "cents"),
    [((95, "car", False, False), 400), ((30, "van", True, False), 0), ((31, "van", True, False), 400),
     ((600, "car", True, False), 1500), ((95, "car", False, True), 320), ((151, "motorbike", False, True), 192)],
    ids=["two-started-hours", "free-half-hour", "one-minute-over", "capped", "member", "member-rounding"],
)
def test_parking_fee_keeps_the_documented_examples(stay, cents):
    assert parking.parking_fee(*stay) == cents


def test_format_receipt_gives_the_old_receipt_for_every_stay():
    wrong = [(stay, parking.format_receipt(*stay), legacy_parking_fee(*stay, receipt=True)) for stay in STAYS
             if parking.format_receipt(*stay) != legacy_parking_fee(*stay, receipt=True)]
    assert not wrong, "receipts that changed (yours != the old one):\n" + "\n".join(
        f"  {stay}: {got!r} != {want!r}" for stay, got, want in wrong[:5])


@pytest.mark.parametrize(
    ("call", "message"),
    [((-5, "car", False, False), r"^minutes must be >= 0, got -5$"),
     ((-1, "bus", False, False), r"^minutes must be >= 0, got -1$"),
     ((10, "bus", False, False), r"^unknown vehicle: 'bus'$"),
     ((10, "Car", True, True), r"^unknown vehicle: 'Car'$")],
    ids=["negative", "negative-checked-first", "unknown-vehicle", "case-matters"],
)
@pytest.mark.parametrize("function", ["parking_fee", "format_receipt"])
def test_bad_stays_raise_the_old_errors(function, call, message):
    with pytest.raises(ValueError, match=message):
        getattr(parking, function)(*call)


def test_the_flag_argument_is_gone():
    assert "receipt" not in inspect.signature(parking.parking_fee).parameters, (
        "flag argument: parking_fee(..., receipt=True) returns a text instead of cents; one function "
        "should do one thing: drop `receipt` and call format_receipt() for the text"
    )
    flags = [f"{name}({parameter.name}={parameter.default})"
             for name, function in vars(parking).items()
             if inspect.isfunction(function) and not name.startswith("_")
             for parameter in inspect.signature(function).parameters.values()
             if isinstance(parameter.default, bool)]
    assert not flags, f"flag argument(s) with a True/False default: {', '.join(flags)}"


def test_a_new_vehicle_is_one_new_entry_in_tariffs(monkeypatch):
    monkeypatch.setitem(parking.TARIFFS, ("bus", False), parking.Tariff(per_hour=1000, cap=2500))
    assert parking.parking_fee(95, "bus", False, False) == 2000, (
        "duplicated branches: the fee must come from TARIFFS[(vehicle, weekend)], not from an if/elif per vehicle"
    )
    assert parking.parking_fee(600, "bus", False, True) == 2000
    assert parking.format_receipt(600, "bus", False, False) == "bus 600 min: 25.00 EUR"


def test_changing_a_tariff_changes_the_fee(monkeypatch):
    monkeypatch.setitem(parking.TARIFFS, ("car", True), parking.Tariff(per_hour=1, cap=3))
    assert parking.parking_fee(500, "car", True, False) == 3
    assert parking.parking_fee(500, "car", False, False) == 1200, "only the weekend car tariff was changed"
    assert parking.parking_fee(500, "car", True, True) == 3, (
        "a member's discount is fee * 20 // 100 rounded DOWN and then taken off (3 - 0 = 3); "
        "fee * 80 // 100 rounds the other way (2)"
    )


@pytest.mark.parametrize(("free", "stay", "cents"), [(0, (1, "car", False, False), 200), (90, (90, "car", False, False), 0), (90, (91, "car", False, False), 200)],
                         ids=["no-free-minutes", "ninety-free", "one-over-ninety"])
def test_the_free_minutes_are_read_from_free_minutes(monkeypatch, free, stay, cents):
    monkeypatch.setattr(parking, "FREE_MINUTES", free)
    assert parking.parking_fee(*stay) == cents, "magic number: use FREE_MINUTES where the old code had 30"


def test_the_member_discount_is_read_from_member_discount_percent(monkeypatch):
    monkeypatch.setattr(parking, "MEMBER_DISCOUNT_PERCENT", 50)
    assert parking.parking_fee(95, "car", False, True) == 200, (
        "magic number: use MEMBER_DISCOUNT_PERCENT where the old code had 20"
    )


def test_no_number_is_repeated_in_the_module(tree):
    numbers = Counter(node.value for node in ast.walk(tree)
                      if isinstance(node, ast.Constant) and type(node.value) in (int, float)
                      and node.value not in (0, 1, 100))
    repeated = {number: count for number, count in numbers.items() if count > 1}
    assert not repeated, (
        "magic numbers: these numbers are written more than once (name each one in a constant "
        "or keep it in one table entry): " + ", ".join(f"{n} x{c}" for n, c in sorted(repeated.items()))
    )


def test_every_function_is_simple(tree):
    complex_ones = {f.name: complexity(f) for f in functions(tree) if complexity(f) > 4}
    assert not complex_ones, (
        "long, deeply nested function(s): cyclomatic complexity above 4 in "
        + ", ".join(f"{name} ({score})" for name, score in complex_ones.items())
        + "; replace the if/elif per vehicle with a lookup in TARIFFS and move pieces into small functions"
    )
