"""E-mail the report with the standard library (email + smtplib).

- build_report_email(sender=, recipient=, category=, deal_count=, attachment=)
  -> EmailMessage with From, To, Subject f"bookwatch: {deal_count} deals in
  {category}", a plain-text body that contains f"{deal_count} deals in
  {category}", and the attachment's bytes attached as application/XLSX
  (maintype "application", subtype XLSX) under the file's name.
  A CR or LF in any header value must raise ValueError (header injection:
  "Fantasy\\r\\nBcc: thief@evil.example" would add a recipient). EmailMessage
  does that for you; never build the message text by hand.
- send_report(message, host, port, timeout=10.0): connect with
  smtplib.SMTP(host, port, timeout=timeout) (use it as a context manager, so
  the connection is closed) and send_message(message).
"""
import smtplib
from email.message import EmailMessage
from pathlib import Path

XLSX = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def build_report_email(*, sender: str, recipient: str, category: str, deal_count: int,
                       attachment: Path) -> EmailMessage:
    # TODO
    raise NotImplementedError


def send_report(message: EmailMessage, host: str, port: int, timeout: float = 10.0) -> None:
    # TODO
    raise NotImplementedError
