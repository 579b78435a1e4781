"""Runs mypy --strict over your module, refuses the escape hatches, and checks the four fixed bugs."""

import ast
import inspect
import io
import re
import subprocess
import sys
import tokenize
from datetime import date

import pytest

import mypy_strict_shipments as ship
from mypy_strict_shipments import Shipment

TODAY = date(2024, 5, 6)


@pytest.fixture(scope="module")
def source() -> str:
    return inspect.getsource(ship)


def test_mypy_strict_finds_no_error_in_your_module(tmp_path):
    path = inspect.getfile(ship)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--disallow-any-explicit", "--no-error-summary",
         "--hide-error-context", "--cache-dir", str(tmp_path / "mypy-cache"), path],
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
    )
    report = (result.stdout + result.stderr).replace(path, "mypy_strict_shipments.py").strip()
    assert result.returncode == 0, "mypy --strict reports (each one is a missing hint or a real bug):\n" + report


def test_the_type_checker_is_not_silenced(source):
    comments = [token.string for token in tokenize.generate_tokens(io.StringIO(source).readline)
                if token.type == tokenize.COMMENT]
    assert not any(re.search(r"type\s*:\s*ignore", comment) for comment in comments), "fix what mypy finds instead of hiding it: remove every `# type: ignore`"


def test_no_cast_hides_a_type_error(source):
    casts = [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)
             and ((isinstance(node.func, ast.Name) and node.func.id == "cast")
                  or (isinstance(node.func, ast.Attribute) and node.func.attr == "cast"))]
    assert not casts, "cast() only tells mypy to trust you; handle the case instead (e.g. `if x is None: raise ...`)"


def test_every_function_has_the_documented_return_type():
    expected = {"parse_shipment": Shipment, "find_shipment": Shipment | None, "eta": date,
                "cost_cents": int, "describe": str}
    for name, annotation in expected.items():
        hints = getattr(getattr(ship, name), "__annotations__", {})
        got = hints.get("return")
        if isinstance(got, str):  # from __future__ import annotations
            got = eval(got, vars(ship))
        assert got == annotation, f"{name} should be annotated `-> {annotation}`, not {got!r}"


@pytest.mark.parametrize(("line", "expected"), [
    ("S1; 2500 ;B", Shipment("S1", 2500, "B")),
    (" S2 ;0; A ", Shipment("S2", 0, "A")),
], ids=["spaces", "zero-grams"])
def test_parse_shipment_makes_the_weight_an_int(line, expected):
    parsed = ship.parse_shipment(line)
    assert parsed == expected
    assert type(parsed.weight_grams) is int, "weight_grams must be an int, not the text it was parsed from"


@pytest.mark.parametrize("line", ["S1;2.5;A", "S1;heavy;A"], ids=["fraction", "word"])
def test_parse_shipment_refuses_a_weight_that_is_not_whole_grams(line):
    with pytest.raises(ValueError):
        ship.parse_shipment(line)


def test_find_shipment_returns_the_match_or_none():
    first, second = Shipment("S1", 1, "A"), Shipment("S2", 2, "B")
    assert ship.find_shipment([first, second], "S2") is second
    assert ship.find_shipment([first, second], "S3") is None
    assert ship.find_shipment([], "S1") is None


@pytest.mark.parametrize(("zone", "arrives"), [("A", date(2024, 5, 7)), ("B", date(2024, 5, 8)), ("C", date(2024, 5, 10))],
                         ids=["A", "B", "C"])
def test_eta_adds_the_zones_days(zone, arrives):
    assert ship.eta(Shipment("S1", 1, zone), TODAY) == arrives


@pytest.mark.parametrize("zone", ["Z", "a", ""], ids=["unknown", "lower-case", "empty"])
def test_eta_refuses_an_unknown_zone(zone):
    with pytest.raises(ValueError, match=rf"^unknown zone: {zone!r}$"):
        ship.eta(Shipment("S1", 1, zone), TODAY)


@pytest.mark.parametrize(("grams", "cents"), [(2500, 375), (1001, 151), (1000, 150), (7, 2), (0, 0)],
                         ids=["exact", "rounded-up", "one-kg", "a-few-grams", "nothing"])
def test_cost_cents_rounds_up_to_a_whole_int(grams, cents):
    cost = ship.cost_cents(Shipment("S1", grams, "A"))
    assert cost == cents
    assert type(cost) is int, f"cost_cents must return an int, got {type(cost).__name__} {cost!r}"


def test_describe_one_shipment():
    shipments = [Shipment("S0", 10, "A"), Shipment("S1", 2500, "B")]
    assert ship.describe(shipments, "S1", TODAY) == "S1: 3.75 EUR, arrives 2024-05-08"


def test_describe_an_id_that_is_not_there():
    with pytest.raises(LookupError, match=r"^no shipment 'S9'$"):
        ship.describe([Shipment("S1", 2500, "B")], "S9", TODAY)
