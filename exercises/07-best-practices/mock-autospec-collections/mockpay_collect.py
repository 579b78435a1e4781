"""Collect overdue invoices: the code your tests are about. Do not edit.

Read collect_overdue's docstring: it is the specification your tests check.
"""

from dataclasses import dataclass
from datetime import date

from mockpay_services import PaymentDeclined, PaymentGateway, send_email


@dataclass(frozen=True)
class Invoice:
    id: str
    customer_id: str
    email: str
    amount_cents: int
    due: date
    paid: bool = False


def collect_overdue(invoices: list[Invoice], gateway: PaymentGateway, today: date) -> list[str]:
    """Charge every unpaid invoice whose due date is BEFORE today; return the receipt ids.

    For each such invoice, in order:
    - gateway.charge(invoice.customer_id, invoice.amount_cents,
      idempotency_key=f"{invoice.id}:{today.isoformat()}"), e.g. key "inv-7:2024-03-01"
      (the same invoice charged again on the same day must not be charged twice by the bank);
    - on success: keep the receipt id it returns, then
      send_email(invoice.email, f"Receipt for {invoice.id}",
                 f"We charged {invoice.amount_cents / 100:.2f} EUR (receipt {receipt}).");
    - if charge raises PaymentDeclined: send_email(invoice.email, f"Payment failed for {invoice.id}",
      f"We could not charge {invoice.amount_cents / 100:.2f} EUR."), and go on with the next invoice;
    - any other exception (GatewayDown...) propagates at once: no further charge, no e-mail.
    Paid invoices and invoices due today or later are skipped: no charge, no e-mail.
    """
    receipts = []
    for invoice in invoices:
        if invoice.paid or invoice.due >= today:
            continue
        amount = f"{invoice.amount_cents / 100:.2f} EUR"
        try:
            receipt = gateway.charge(
                invoice.customer_id, invoice.amount_cents,
                idempotency_key=f"{invoice.id}:{today.isoformat()}",
            )
        except PaymentDeclined:
            send_email(invoice.email, f"Payment failed for {invoice.id}", f"We could not charge {amount}.")
            continue
        receipts.append(receipt)
        send_email(invoice.email, f"Receipt for {invoice.id}", f"We charged {amount} (receipt {receipt}).")
    return receipts
