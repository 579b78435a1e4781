"""Parking fees from a tariff table, and the receipt text for a stay."""

from typing import NamedTuple

FREE_MINUTES = 30
MEMBER_DISCOUNT_PERCENT = 20
MINUTES_PER_HOUR = 60


class Tariff(NamedTuple):
    per_hour: int  # cents per started hour
    cap: int  # the most one stay can cost, in cents


TARIFFS = {
    ("car", False): Tariff(per_hour=200, cap=1200),
    ("car", True): Tariff(per_hour=250, cap=1500),
    ("motorbike", False): Tariff(per_hour=80, cap=500),
    ("motorbike", True): Tariff(per_hour=100, cap=600),
    ("van", False): Tariff(per_hour=350, cap=2000),
    ("van", True): Tariff(per_hour=400, cap=2400),
}


def tariff_for(vehicle: str, weekend: bool) -> Tariff:
    try:
        return TARIFFS[vehicle, weekend]
    except KeyError:
        raise ValueError(f"unknown vehicle: {vehicle!r}") from None


def parking_fee(minutes: int, vehicle: str, weekend: bool, member: bool) -> int:
    if minutes < 0:
        raise ValueError(f"minutes must be >= 0, got {minutes}")
    tariff = tariff_for(vehicle, weekend)
    paid_minutes = max(minutes - FREE_MINUTES, 0)
    started_hours = -(-paid_minutes // MINUTES_PER_HOUR)
    fee = min(started_hours * tariff.per_hour, tariff.cap)
    if member:
        fee -= fee * MEMBER_DISCOUNT_PERCENT // 100
    return fee


def format_receipt(minutes: int, vehicle: str, weekend: bool, member: bool) -> str:
    euros, cents = divmod(parking_fee(minutes, vehicle, weekend, member), 100)
    return f"{vehicle} {minutes} min: {euros}.{cents:02d} EUR"
