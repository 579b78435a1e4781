"""The outside world of mockpay_collect.py: a payment gateway and a mailer. Do not edit.

Both really talk to the network, so a test must never call them: each raises RuntimeError
to tell you that a test reached it.
"""


class PaymentDeclined(Exception):
    """The bank refused this one charge (card expired, no funds...)."""


class GatewayDown(Exception):
    """The gateway cannot be reached at all: no charge can work right now."""


class PaymentGateway:
    def charge(self, customer_id: str, amount_cents: int, *, idempotency_key: str) -> str:
        """Charge the customer and return the receipt id, e.g. "rcpt-81"."""
        raise RuntimeError("PaymentGateway.charge talks to the real bank: give the code a mock gateway")


def send_email(to: str, subject: str, body: str) -> None:
    """Send one e-mail."""
    raise RuntimeError(
        "the REAL send_email ran: patch the name where the code under test looks it up, "
        "i.e. mockpay_collect.send_email, not mockpay_services.send_email"
    )
