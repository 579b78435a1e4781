"""Capstone: the bookwatch pipeline, scrape -> clean -> spreadsheet -> e-mail.

A small package, bookwatch/, does one job per module; finish them in this
order (each has its own docstring and tests): spider.py (a real Scrapy
spider), clean.py (prices and duplicates), sheet.py (openpyxl, no formula
injection), mailer.py (EmailMessage + smtplib, no header injection),
schedule.py (sched with an injected clock). engine.py is given: it runs a
spider's callbacks over local pages as Scrapy's engine would, no network.

Then glue them here:
    run_report(pages, workdir=..., smtp_host=..., smtp_port=..., sender=...,
               recipient=..., category=..., max_pages=3) -> dict
  1. items, missing = crawl_offline(DealsSpider(max_pages=max_pages), pages)
  2. deals = clean_deals(items)
  3. write the report to workdir / "deals.xlsx"
  4. e-mail it (build_report_email with len(deals), then send_report)
  5. return {"scraped": len(items), "deals": len(deals),
             "missing": missing, "report": <the Path of the workbook>}
The tests run a tiny SMTP server on 127.0.0.1 and give you its port.
"""
from pathlib import Path

from bookwatch.clean import clean_deals
from bookwatch.engine import crawl_offline
from bookwatch.mailer import build_report_email, send_report
from bookwatch.sheet import write_report
from bookwatch.spider import DealsSpider


def run_report(pages: dict[str, str], *, workdir: Path, smtp_host: str, smtp_port: int,
               sender: str, recipient: str, category: str, max_pages: int = 3) -> dict:
    # TODO
    raise NotImplementedError
