"""Print a shop receipt with exact money arithmetic.

Floats are binary fractions: 1.15 is really 1.149999999999999911182158029987...
so sums drift and "round half up" goes the wrong way. Money needs the
decimal.Decimal type, built from *text* ("1.15"), never from a float.

Make this program print exactly:

    Item                 Qty   Price  Amount
    ----------------------------------------
    Coffee beans 1kg       1 x 18.90   18.90
    Oat milk 1l            2 x  1.15    2.30
    Croissant              4 x  0.35    1.40
    Sparkling water        6 x  0.55    3.30
    Dark chocolate         2 x  2.10    4.20
    ----------------------------------------
    Subtotal                           30.10
    Tax 5%                              1.51
    Total                              31.61

Item lines: name left-aligned in 20 characters, quantity right-aligned in 4,
" x ", unit price right-aligned in 5, line amount right-aligned in 8.
Summary lines: label left-aligned in 32, amount right-aligned in 8.
The tax is 5% of the subtotal, 30.10 * 0.05 = 1.505, rounded to whole cents
with halves going UP (1.51), the way shops round. With floats you get 1.50.
Write that rounding in to_cents(): to_cents(Decimal("0.125")) -> Decimal("0.13").

The tests also run main() with other price lists (by replacing ITEMS), so
compute every line from ITEMS: a receipt typed out by hand fails there.
"""

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
    # TODO: use amount.quantize(...) with CENT and ROUND_HALF_UP
    return amount


def main() -> None:
    # The header shows the format specs: < left-aligns, > right-aligns, the number is the width.
    print(f"{'Item':<20}{'Qty':>4}   {'Price':>5}{'Amount':>8}")
    print("-" * WIDTH)
    subtotal = 0.0  # TODO: start from Decimal("0")
    for name, quantity, price_text in ITEMS:
        price = float(price_text)  # TODO: floats can't hold 1.15 exactly; make it a Decimal
        line_total = quantity * price
        subtotal += line_total
        print(name, quantity, "x", price, line_total)  # TODO: align into columns with an f-string
    tax = subtotal * float(TAX_RATE)  # TODO: Decimal arithmetic, then to_cents()
    print("-" * WIDTH)
    print("Subtotal", subtotal)  # TODO: align these three lines too
    print(f"Tax {TAX_RATE:.0%}", tax)
    print("Total", subtotal + tax)


if __name__ == "__main__":
    main()
