"""Type hints and a type checker: let mypy --strict find the bugs, then fix them.

This module has no type hints, and four bugs hide in it that no test of the happy path
shows. Annotate EVERY function (parameters and return) with precise types, then run

    python -m mypy --strict --disallow-any-explicit mypy_strict_shipments.py

(`pyroad doctor` prints the Python that has mypy). Each error mypy reports at the four
places marked BUG? is a real bug: fix the code, not the checker. The tests run the same
command and refuse the escape hatches: no `# type: ignore`, no `Any`, no `cast(...)`.
Return types to use: parse_shipment -> Shipment, find_shipment -> Shipment | None,
eta -> date, cost_cents -> int, describe -> str.

What the functions must do (the tests check each):
- parse_shipment("S1; 2500 ;B") == Shipment("S1", 2500, "B"): id and zone stripped, the
  weight an int of grams (a weight that is not a whole number raises ValueError);
- find_shipment(shipments, "S1") is the shipment with that id, or None;
- eta(shipment, today) is today + ZONE_DAYS[zone] days; an unknown zone raises
  ValueError("unknown zone: 'Z'") (repr of the zone);
- cost_cents(shipment) is weight x CENTS_PER_KG (150 cents per kg), in whole cents ROUNDED
  UP, always an int: 2500 g -> 375, 1001 g -> 151 (150.15 rounded up), 0 g -> 0;
- describe(shipments, "S1", date(2024, 5, 6)) == "S1: 3.75 EUR, arrives 2024-05-08" for a
  2500 g zone-B shipment; an id that is not there raises LookupError("no shipment 'S9'").
"""

from dataclasses import dataclass
from datetime import date, timedelta

ZONE_DAYS = {"A": 1, "B": 2, "C": 4}
CENTS_PER_KG = 150
GRAMS_PER_KG = 1000


@dataclass(frozen=True)
class Shipment:
    id: str
    weight_grams: int
    zone: str


def parse_shipment(line):
    shipment_id, grams, zone = line.split(";")
    return Shipment(shipment_id.strip(), grams.strip(), zone.strip())  # BUG?


def find_shipment(shipments, shipment_id):
    for shipment in shipments:
        if shipment.id == shipment_id:
            return shipment
    return None


def eta(shipment, today):
    days = ZONE_DAYS.get(shipment.zone)
    return today + timedelta(days=days)  # BUG?


def cost_cents(shipment):
    return shipment.weight_grams * CENTS_PER_KG / GRAMS_PER_KG  # BUG?


def describe(shipments, shipment_id, today):
    shipment = find_shipment(shipments, shipment_id)
    return f"{shipment.id}: {cost_cents(shipment) / 100:.2f} EUR, arrives {eta(shipment, today).isoformat()}"  # BUG?
