"""Tests for collect_overdue with unittest.mock: autospec'd gateway, patched mailer."""

from datetime import date
from unittest.mock import call, create_autospec, patch

import pytest

from mockpay_collect import Invoice, collect_overdue
from mockpay_services import GatewayDown, PaymentDeclined, PaymentGateway

TODAY = date(2024, 3, 1)
OVERDUE = Invoice("inv-7", "c-1", "ada@example.com", 1250, date(2024, 2, 1))
OTHER = Invoice("inv-8", "c-2", "bob@example.com", 300, date(2024, 2, 29))


def make_gateway(*receipts_or_errors):
    gateway = create_autospec(PaymentGateway, instance=True)
    gateway.charge.side_effect = list(receipts_or_errors)
    return gateway


@patch("mockpay_collect.send_email", autospec=True)
def test_an_overdue_invoice_is_charged_and_gets_a_receipt(send_email):
    gateway = make_gateway("rcpt-1")
    assert collect_overdue([OVERDUE], gateway, TODAY) == ["rcpt-1"]
    gateway.charge.assert_called_once_with("c-1", 1250, idempotency_key="inv-7:2024-03-01")
    send_email.assert_called_once_with(
        "ada@example.com", "Receipt for inv-7", "We charged 12.50 EUR (receipt rcpt-1).")


@pytest.mark.parametrize(
    "invoice",
    [Invoice("inv-1", "c-1", "a@example.com", 100, TODAY),
     Invoice("inv-2", "c-1", "a@example.com", 100, date(2024, 3, 2)),
     Invoice("inv-3", "c-1", "a@example.com", 100, date(2024, 1, 1), paid=True)],
    ids=["due-today", "due-later", "already-paid"],
)
@patch("mockpay_collect.send_email", autospec=True)
def test_invoices_not_overdue_are_left_alone(send_email, invoice):
    gateway = make_gateway()
    assert collect_overdue([invoice], gateway, TODAY) == []
    gateway.charge.assert_not_called()
    send_email.assert_not_called()


@patch("mockpay_collect.send_email", autospec=True)
def test_a_declined_payment_gets_a_failure_mail_and_the_next_invoice_is_still_charged(send_email):
    gateway = make_gateway(PaymentDeclined(), "rcpt-2")
    assert collect_overdue([OVERDUE, OTHER], gateway, TODAY) == ["rcpt-2"]
    assert gateway.charge.call_args_list == [
        call("c-1", 1250, idempotency_key="inv-7:2024-03-01"),
        call("c-2", 300, idempotency_key="inv-8:2024-03-01"),
    ]
    assert send_email.call_args_list == [
        call("ada@example.com", "Payment failed for inv-7", "We could not charge 12.50 EUR."),
        call("bob@example.com", "Receipt for inv-8", "We charged 3.00 EUR (receipt rcpt-2)."),
    ]


@patch("mockpay_collect.send_email", autospec=True)
def test_a_gateway_that_is_down_stops_everything(send_email):
    gateway = make_gateway(GatewayDown())
    with pytest.raises(GatewayDown):
        collect_overdue([OVERDUE, OTHER], gateway, TODAY)
    assert gateway.charge.call_count == 1
    send_email.assert_not_called()
