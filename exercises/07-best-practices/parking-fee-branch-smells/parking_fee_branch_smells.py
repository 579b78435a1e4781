"""Refactor a working but smelly function: duplicated branches, magic numbers, a flag argument.

parking_fee below is correct (its tests pass today) and hard to change: the same six lines
are pasted six times with other numbers, 30 and 59 appear again and again, and the flag
`receipt=True` turns a function that returns cents into one that returns a text.
Refactor it WITHOUT changing a single result:

    parking_fee(95, "car", weekend=False, member=False) == 400     # 65 paid min -> 2 h x 200
    format_receipt(95, "car", weekend=False, member=True) == "car 95 min: 3.20 EUR"

Rules (the old code is the specification; keep every one of them):
- the first FREE_MINUTES (30) minutes are free; after that each STARTED hour costs the
  tariff's per_hour cents, and a stay never costs more than the tariff's cap;
- members pay MEMBER_DISCOUNT_PERCENT (20) % less: fee - fee * 20 // 100 (rounded so);
- minutes < 0 raises ValueError("minutes must be >= 0, got -5"), checked before the vehicle;
  an unknown vehicle raises ValueError("unknown vehicle: 'bus'") (its repr).

What the tests measure, besides every result of the old code:
1. duplicated branches -> one table: TARIFFS maps (vehicle, weekend) to a Tariff (below):
   ("car", False): Tariff(per_hour=200, cap=1200), ("car", True): (250, 1500),
   ("motorbike", False): (80, 500), ("motorbike", True): (100, 600),
   ("van", False): (350, 2000), ("van", True): (400, 2400). Adding a vehicle must be one
   new entry in TARIFFS and nothing else (the tests add one).
2. magic numbers -> the constants FREE_MINUTES and MEMBER_DISCOUNT_PERCENT, read when the
   function runs (the tests change them), and no number except 0, 1 and 100 may appear
   twice in the module.
3. the flag argument -> two functions: parking_fee(minutes, vehicle, weekend, member) always
   returns the fee in cents (no `receipt` parameter), and format_receipt(minutes, vehicle,
   weekend, member) returns the old receipt text "<vehicle> <minutes> min: <euros>.<cents> EUR".
   No public function may have a parameter whose default is True or False.
4. the long nested function -> small ones: every function's cyclomatic complexity (1 + one per
   if / elif / for / while / and / or / conditional expression / except) is at most 4.
"""

from typing import NamedTuple


class Tariff(NamedTuple):
    per_hour: int  # cents per started hour
    cap: int  # the most one stay can cost, in cents


def parking_fee(minutes, vehicle, weekend, member, receipt=False):
    if minutes < 0:
        raise ValueError("minutes must be >= 0, got " + str(minutes))
    if vehicle == "car":
        if weekend:
            if minutes <= 30:
                fee = 0
            else:
                fee = (minutes - 30 + 59) // 60 * 250
                if fee > 1500:
                    fee = 1500
        else:
            if minutes <= 30:
                fee = 0
            else:
                fee = (minutes - 30 + 59) // 60 * 200
                if fee > 1200:
                    fee = 1200
    elif vehicle == "motorbike":
        if weekend:
            if minutes <= 30:
                fee = 0
            else:
                fee = (minutes - 30 + 59) // 60 * 100
                if fee > 600:
                    fee = 600
        else:
            if minutes <= 30:
                fee = 0
            else:
                fee = (minutes - 30 + 59) // 60 * 80
                if fee > 500:
                    fee = 500
    elif vehicle == "van":
        if weekend:
            if minutes <= 30:
                fee = 0
            else:
                fee = (minutes - 30 + 59) // 60 * 400
                if fee > 2400:
                    fee = 2400
        else:
            if minutes <= 30:
                fee = 0
            else:
                fee = (minutes - 30 + 59) // 60 * 350
                if fee > 2000:
                    fee = 2000
    else:
        raise ValueError("unknown vehicle: " + repr(vehicle))
    if member:
        fee = fee - fee * 20 // 100
    if receipt:
        return vehicle + " " + str(minutes) + " min: " + str(fee // 100) + "." + str(fee % 100).rjust(2, "0") + " EUR"
    return fee


# TODO: FREE_MINUTES, MEMBER_DISCOUNT_PERCENT, TARIFFS, then parking_fee without the flag,
# format_receipt, and whatever small helpers you like (e.g. tariff_for(vehicle, weekend)).
