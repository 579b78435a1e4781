import runpy
from decimal import Decimal

import pytest

import decimal_receipt
from decimal_receipt import to_cents

SHOP_RECEIPT = """\
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
"""

TEA_ROOM_ITEMS = [
    ("Green tea", 3, "1.10"),
    ("Scone", 2, "2.40"),
    ("Jam jar 370g", 1, "4.00"),
]

TEA_ROOM_RECEIPT = """\
Item                 Qty   Price  Amount
----------------------------------------
Green tea              3 x  1.10    3.30
Scone                  2 x  2.40    4.80
Jam jar 370g           1 x  4.00    4.00
----------------------------------------
Subtotal                           12.10
Tax 5%                              0.61
Total                              12.71
"""


def test_main_prints_the_receipt_for_the_shops_price_list(capsys):
    decimal_receipt.main()

    assert capsys.readouterr().out == SHOP_RECEIPT


def test_running_the_file_prints_the_receipt_and_importing_it_prints_nothing(capsys):
    runpy.run_path(decimal_receipt.__file__, run_name="__main__")
    assert capsys.readouterr().out == SHOP_RECEIPT, "`python3 decimal_receipt.py` should call main()"

    runpy.run_path(decimal_receipt.__file__, run_name="decimal_receipt")
    assert capsys.readouterr().out == "", "importing the module must not print: keep main() under `if __name__ == '__main__':`"


def test_main_prints_exact_amounts_for_another_price_list(monkeypatch, capsys):
    monkeypatch.setattr(decimal_receipt, "ITEMS", TEA_ROOM_ITEMS)

    decimal_receipt.main()

    printed = capsys.readouterr().out
    assert printed == TEA_ROOM_RECEIPT, (
        "for a subtotal of 12.10 the tax is 0.605, which rounds UP to 0.61. With floats, "
        "12.10 * 0.05 is 0.6049999..., which rounds to 0.60: keep every amount a Decimal built "
        "from text, from the prices to the total. (A receipt typed out by hand fails here too: "
        f"compute it from ITEMS.) Printed:\n{printed}"
    )


@pytest.mark.parametrize(
    ("amount", "expected"),
    [("1.505", "1.51"), ("0.605", "0.61"), ("2.675", "2.68"), ("0.125", "0.13"), ("1.504", "1.50"), ("7", "7.00")],
    ids=["tax-example", "half-after-a-zero", "half-after-a-seven", "half-after-a-two", "below-half", "whole-number"],
)
def test_to_cents_rounds_to_whole_cents_with_halves_going_up(amount, expected):
    rounded = to_cents(Decimal(amount))

    assert isinstance(rounded, Decimal), f"to_cents should return a Decimal, got {type(rounded).__name__}"
    assert str(rounded) == expected, (
        f"to_cents(Decimal({amount!r})) should be {expected}: quantize to CENT with "
        "rounding=ROUND_HALF_UP (the default, ROUND_HALF_EVEN, rounds 0.125 to 0.12)"
    )
