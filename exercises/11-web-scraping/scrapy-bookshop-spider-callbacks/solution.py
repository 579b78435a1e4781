"""A real Scrapy spider whose callbacks are tested on local HtmlResponse objects."""
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
    custom_settings = {
        "ROBOTSTXT_OBEY": True,
        "DOWNLOAD_DELAY": 1.0,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "USER_AGENT": "bookshop-bot/1.0 (+https://example.org/bot)",
    }

    def __init__(self, max_pages: int | str = 5, **kwargs):
        super().__init__(**kwargs)
        self.max_pages = int(max_pages)
        if self.max_pages < 1:
            raise ValueError(f"max_pages must be at least 1, got {self.max_pages}")

    def parse(self, response, page: int = 1):
        for href in response.css("article.product_pod h3 a::attr(href)").getall():
            yield response.follow(href, callback=self.parse_book)
        next_href = response.css("li.next a::attr(href)").get()
        if next_href is not None and page < self.max_pages:
            yield response.follow(next_href, callback=self.parse, cb_kwargs={"page": page + 1})

    def parse_book(self, response):
        page = response.css("article.product_page")
        classes = page.css("p.star-rating::attr(class)").get(default="").split()
        yield BookItem(
            upc=page.attrib.get("data-upc"),
            title=page.css("h1::text").get(default="").strip(),
            price=page.css("p.price_color::text").get(default="").strip(),
            rating=next((RATINGS[c] for c in classes if c in RATINGS), None),
            url=response.url,
        )


class BookValidationPipeline:
    def __init__(self) -> None:
        self.seen: set[str] = set()

    def process_item(self, item, spider=None):
        if not item.get("upc"):
            raise DropItem("missing upc")
        if not item.get("title"):
            raise DropItem("missing title")
        if item.get("rating") is None:
            raise DropItem("missing rating")
        raw = item.get("price") or ""
        try:
            price = Decimal(raw.removeprefix("£").replace(",", ""))
        except InvalidOperation:
            raise DropItem(f"bad price {raw!r}") from None
        if not price.is_finite() or price < 0:
            raise DropItem(f"bad price {raw!r}")
        if item["upc"] in self.seen:
            raise DropItem(f"duplicate upc {item['upc']}")
        self.seen.add(item["upc"])
        item["price"] = price
        return item
