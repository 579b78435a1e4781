"""Shipments: parse them, price them, and say when they arrive, checked by mypy --strict."""

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


def parse_shipment(line: str) -> Shipment:
    shipment_id, grams, zone = line.split(";")
    return Shipment(shipment_id.strip(), int(grams), zone.strip())


def find_shipment(shipments: list[Shipment], shipment_id: str) -> Shipment | None:
    for shipment in shipments:
        if shipment.id == shipment_id:
            return shipment
    return None


def eta(shipment: Shipment, today: date) -> date:
    days = ZONE_DAYS.get(shipment.zone)
    if days is None:
        raise ValueError(f"unknown zone: {shipment.zone!r}")
    return today + timedelta(days=days)


def cost_cents(shipment: Shipment) -> int:
    return -(-shipment.weight_grams * CENTS_PER_KG // GRAMS_PER_KG)


def describe(shipments: list[Shipment], shipment_id: str, today: date) -> str:
    shipment = find_shipment(shipments, shipment_id)
    if shipment is None:
        raise LookupError(f"no shipment {shipment_id!r}")
    return f"{shipment.id}: {cost_cents(shipment) / 100:.2f} EUR, arrives {eta(shipment, today).isoformat()}"
