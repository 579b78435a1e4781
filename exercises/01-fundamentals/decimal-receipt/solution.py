"""Print a shop receipt with exact money arithmetic (reference solution)."""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
TAX_RATE = Decimal("0.05")
WIDTH = 40

# (name, quantity, unit price as text, exactly as it appears in the price list)
ITEMS = [
    ("Coffee beans 1kg", 1, "18.90"),
    ("Oat milk 1l", 2, "1.15"),
    ("Croissant", 4, "0.35"),
    ("Sparkling water", 6, "0.55"),
    ("Dark chocolate", 2, "2.10"),
]


def to_cents(amount: Decimal) -> Decimal:
    """Round to whole cents, halves going up: 1.505 -> 1.51."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def main() -> None:
    subtotal = Decimal("0")
    print(f"{'Item':<20}{'Qty':>4}   {'Price':>5}{'Amount':>8}")
    print("-" * WIDTH)
    for name, quantity, price_text in ITEMS:
        price = Decimal(price_text)
        line_total = quantity * price
        subtotal += line_total
        print(f"{name:<20}{quantity:>4} x {price:>5}{line_total:>8}")
    tax = to_cents(subtotal * TAX_RATE)
    print("-" * WIDTH)
    print(f"{'Subtotal':<32}{subtotal:>8}")
    tax_label = f"Tax {TAX_RATE:.0%}"
    print(f"{tax_label:<32}{tax:>8}")
    print(f"{'Total':<32}{subtotal + tax:>8}")


if __name__ == "__main__":
    main()
