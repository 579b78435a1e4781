"""E-mail the report with the standard library."""
import smtplib
from email.message import EmailMessage
from pathlib import Path

XLSX = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def build_report_email(*, sender: str, recipient: str, category: str, deal_count: int,
                       attachment: Path) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = f"bookwatch: {deal_count} deals in {category}"
    message.set_content(f"{deal_count} deals in {category}: see the attached spreadsheet.\n")
    message.add_attachment(Path(attachment).read_bytes(), maintype="application", subtype=XLSX,
                           filename=Path(attachment).name)
    return message


def send_report(message: EmailMessage, host: str, port: int, timeout: float = 10.0) -> None:
    with smtplib.SMTP(host, port, timeout=timeout) as smtp:
        smtp.send_message(message)
