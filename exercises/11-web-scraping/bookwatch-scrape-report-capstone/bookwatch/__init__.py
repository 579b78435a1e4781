"""bookwatch: scrape book offers, clean them, write a spreadsheet, e-mail it, on a schedule.

    spider.py    DealsSpider, a real Scrapy spider (its callbacks run on local pages)
    engine.py    crawl_offline(): runs a spider's callbacks over local HTML (given)
    clean.py     Deal, parse_price(), clean_deals()
    sheet.py     safe_text(), write_report() with openpyxl
    mailer.py    build_report_email(), send_report() with email + smtplib
    schedule.py  run_every() with sched and an injected clock
"""
