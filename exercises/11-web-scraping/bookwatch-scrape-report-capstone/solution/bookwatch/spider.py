"""DealsSpider: the offers of https://deals.example, page by page."""
import scrapy


class DealsSpider(scrapy.Spider):
    name = "bookwatch"
    allowed_domains = ["deals.example"]
    start_urls = ["https://deals.example/offers/page-1.html"]
    custom_settings = {
        "ROBOTSTXT_OBEY": True,
        "DOWNLOAD_DELAY": 2.0,
        "USER_AGENT": "bookwatch/1.0 (+https://example.org/bookwatch)",
    }

    def __init__(self, max_pages: int | str = 3, **kwargs):
        super().__init__(**kwargs)
        self.max_pages = int(max_pages)
        if self.max_pages < 1:
            raise ValueError(f"max_pages must be at least 1, got {self.max_pages}")

    def parse(self, response, page: int = 1):
        for offer in response.css("li.offer"):
            link = offer.css("a.title")
            yield {
                "sku": offer.attrib.get("data-sku"),
                "title": link.css("::text").get(default="").strip(),
                "price": offer.css("span.price::text").get(default="").strip(),
                "url": response.urljoin(link.attrib.get("href", "")),
            }
        next_href = response.css("a[rel=next]::attr(href)").get()
        if next_href is not None and page < self.max_pages:
            yield response.follow(next_href, callback=self.parse, cb_kwargs={"page": page + 1})
