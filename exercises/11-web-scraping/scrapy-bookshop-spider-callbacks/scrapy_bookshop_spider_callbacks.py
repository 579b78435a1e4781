"""A real Scrapy spider, tested the professional way: callbacks on local responses.

Nobody starts a crawler here. The tests build scrapy.http.HtmlResponse objects
from local HTML and call your callbacks, exactly as Scrapy's engine would:
    response = HtmlResponse(url="https://books.example/catalogue/page-1.html",
                            body=html, encoding="utf-8")
    list(spider.parse(response))   # -> Requests (and items) the callback yields

1. BookshopSpider settings (class attribute custom_settings): obey robots.txt
   (ROBOTSTXT_OBEY = True), DOWNLOAD_DELAY = 1.0, CONCURRENT_REQUESTS_PER_DOMAIN
   = 1, and a USER_AGENT that starts with "bookshop-bot/" and gives a
   contact page after "+", e.g. "bookshop-bot/1.0 (+https://example.org/bot)".
2. __init__(max_pages=5, **kwargs): `scrapy crawl bookshop -a max_pages=2`
   passes the STRING "2": store self.max_pages as an int, raise
   ValueError("max_pages must be at least 1, got 0") below 1, and hand the
   other keyword arguments on to super().__init__().
3. parse(response, page=1) handles a listing page. For each book link
   (`article.product_pod h3 a`, in page order; nothing from the sidebar) yield
   a Request with callback=self.parse_book; links are relative to the CURRENT
   page (response.follow does that). Then, if there is a `li.next a` link AND
   page < self.max_pages, yield one Request for it with callback=self.parse
   and cb_kwargs={"page": page + 1}. The listing itself yields no items.
4. parse_book(response) reads the book inside `article.product_page` (the page
   also has an advert with its own h1 and price) and yields ONE BookItem:
       upc    the article's data-upc attribute (None if it has none)
       title  the h1's text, stripped ("" if missing)
       price  the p.price_color text, stripped, still raw: "£1,051.77" ("" if missing)
       rating the word among the classes of p.star-rating ("star-rating Three")
              as a number 1..5, None if there is none
       url    response.url
5. BookValidationPipeline.process_item(item, spider=None) checks and cleans:
   raise scrapy.exceptions.DropItem with the message "missing upc" (None or
   ""), "missing title", "missing rating" (None only: 0 is a value),
   f"bad price {raw!r}" (the raw text: '' for a missing field too; only "£"
   prices; NaN, Infinity and negatives are bad), or f"duplicate upc {upc}"
   (a upc already passed by THIS pipeline; an item that was dropped does not
   count as seen). Otherwise set item["price"] to the Decimal ("£1,051.77" ->
   Decimal("1051.77")) and return the item.
"""
from decimal import Decimal, InvalidOperation

import scrapy
from scrapy.exceptions import DropItem

RATINGS = {"One": 1, "Two": 2, "Three": 3, "Four": 4, "Five": 5}


class BookItem(scrapy.Item):
    upc = scrapy.Field()
    title = scrapy.Field()
    price = scrapy.Field()
    rating = scrapy.Field()
    url = scrapy.Field()


class BookshopSpider(scrapy.Spider):
    name = "bookshop"
    allowed_domains = ["books.example"]
    start_urls = ["https://books.example/catalogue/page-1.html"]
    # TODO: custom_settings = {...}

    def __init__(self, max_pages: int | str = 5, **kwargs):
        super().__init__(**kwargs)
        # TODO: self.max_pages as an int, at least 1
        raise NotImplementedError

    def parse(self, response, page: int = 1):
        # TODO: follow each book (parse_book), then the next page (parse) while page < max_pages
        raise NotImplementedError

    def parse_book(self, response):
        # TODO: yield one BookItem from article.product_page
        raise NotImplementedError


class BookValidationPipeline:
    def __init__(self) -> None:
        ...  # TODO: remember the upcs this pipeline has passed

    def process_item(self, item, spider=None):
        # TODO: DropItem for a missing upc/title/rating, a bad price or a duplicate;
        # else convert the price to a Decimal and return the item.
        raise NotImplementedError
