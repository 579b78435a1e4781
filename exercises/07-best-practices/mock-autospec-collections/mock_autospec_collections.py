"""Mocking with unittest.mock: YOU write the tests of collect_overdue.

mockpay_collect.py holds collect_overdue(invoices, gateway, today): it charges overdue
invoices through a payment gateway and e-mails the customers. Its docstring is the
specification: read it first. The real gateway and mailer (mockpay_services.py) would talk
to a bank and an SMTP server, so your tests replace them:

- the gateway is a parameter: pass create_autospec(PaymentGateway, instance=True). An
  autospec'd mock has exactly the methods and signatures of the real class, so a call the
  real class would refuse (a method it does not have, a keyword-only argument passed by
  position) fails the test; a plain Mock() accepts anything and hides such bugs.
  `gateway.charge.side_effect = ["rcpt-1", PaymentDeclined("card expired"), "rcpt-3"]` makes
  consecutive calls return the receipts and RAISE the exception (side_effect is how a mock
  raises).
- send_email is a module-level function that mockpay_collect imported with
  `from mockpay_services import send_email`. Patch it WHERE IT IS LOOKED UP:
  patch("mockpay_collect.send_email", autospec=True). Patching "mockpay_services.send_email"
  leaves mockpay_collect's own name pointing at the real function (which then raises).
- then assert the calls: assert_called_once_with(...), assert_not_called(), call_count,
  and `call_args_list == [call(...), call(...)]` for the order of several calls.

Your suite is graded by mutation: every test must pass against the real collect_overdue;
then it runs against 22 broken copies, each breaking ONE promise (which invoices are charged,
the charge's arguments, the real gateway's interface, the receipt mail, declined payments,
other errors, the result). For every copy at least one of your tests must fail; you are told
how many of each kind got past. At least 5 test cases (each parametrize case counts).
Use @patch(...) or `with patch(...)`, and parametrize as you like; the only pytest fixture
the grader offers is monkeypatch. The first test is written for you, as an example.

Run your tests with the Python pyroad uses (`pyroad doctor` prints it):
    python -m pytest mock_autospec_collections.py
"""

from datetime import date
from unittest.mock import call, create_autospec, patch  # noqa: F401  (call: for call_args_list)

import pytest

from mockpay_collect import Invoice, collect_overdue
from mockpay_services import GatewayDown, PaymentDeclined, PaymentGateway  # noqa: F401

TODAY = date(2024, 3, 1)
OVERDUE = Invoice("inv-7", "c-1", "ada@example.com", 1250, date(2024, 2, 1))
OTHER = Invoice("inv-8", "c-2", "bob@example.com", 300, date(2024, 2, 29))


@patch("mockpay_collect.send_email", autospec=True)
def test_an_overdue_invoice_is_charged_and_gets_a_receipt(send_email):
    gateway = create_autospec(PaymentGateway, instance=True)
    gateway.charge.return_value = "rcpt-1"
    assert collect_overdue([OVERDUE], gateway, TODAY) == ["rcpt-1"]
    gateway.charge.assert_called_once_with("c-1", 1250, idempotency_key="inv-7:2024-03-01")
    send_email.assert_called_once_with(
        "ada@example.com", "Receipt for inv-7", "We charged 12.50 EUR (receipt rcpt-1).")


def test_invoices_not_overdue_are_left_alone():
    # TODO: due today, due later, already paid (parametrize them): no charge, no e-mail, [].
    raise NotImplementedError


def test_a_declined_payment_gets_a_failure_mail_and_the_next_invoice_is_still_charged():
    # TODO: side_effect with a PaymentDeclined then a receipt; check every call, in order.
    raise NotImplementedError


def test_a_gateway_that_is_down_stops_everything():
    # TODO: GatewayDown propagates (pytest.raises), one charge only, no e-mail at all.
    raise NotImplementedError
