"""The bookwatch pipeline: scrape, clean, write, mail."""
from pathlib import Path

from bookwatch.clean import clean_deals
from bookwatch.engine import crawl_offline
from bookwatch.mailer import build_report_email, send_report
from bookwatch.sheet import write_report
from bookwatch.spider import DealsSpider


def run_report(pages: dict[str, str], *, workdir: Path, smtp_host: str, smtp_port: int,
               sender: str, recipient: str, category: str, max_pages: int = 3) -> dict:
    items, missing = crawl_offline(DealsSpider(max_pages=max_pages), pages)
    deals = clean_deals(items)
    report = write_report(deals, Path(workdir) / "deals.xlsx")
    message = build_report_email(sender=sender, recipient=recipient, category=category,
                                 deal_count=len(deals), attachment=report)
    send_report(message, smtp_host, smtp_port)
    return {"scraped": len(items), "deals": len(deals), "missing": missing, "report": report}
