"""DealsSpider: the offers of https://deals.example, page by page (a real Scrapy spider).

An offers page looks like this (plus a nav and an aside with a sponsor):
    <ul class="offers">
      <li class="offer" data-sku="B1"><a class="title" href="../books/dune.html"> Dune </a>
        <span class="price"> £12.99 </span></li>
    </ul>
    <a rel="next" href="page-2.html">Next</a>

- custom_settings: ROBOTSTXT_OBEY = True, DOWNLOAD_DELAY = 2.0, and a
  USER_AGENT that starts with "bookwatch/", e.g.
  "bookwatch/1.0 (+https://example.org/bookwatch)".
- __init__(max_pages=3, **kwargs): int(max_pages) (`-a max_pages=2` gives a
  string), ValueError("max_pages must be at least 1, got 0") below 1; the
  other kwargs go to super().__init__().
- parse(response, page=1) yields, for each li.offer in page order, a dict
      {"sku": <data-sku or None>, "title": <a.title text, stripped, or "">,
       "price": <span.price text, stripped, raw: "£1,250.00", or "">,
       "url": <a.title href resolved against THIS page (response.urljoin);
               no href: response.urljoin("") is the page's own URL>}
  and then, if there is an a[rel=next] and page < self.max_pages, one
  response.follow(href, callback=self.parse, cb_kwargs={"page": page + 1}).
"""
import scrapy


class DealsSpider(scrapy.Spider):
    name = "bookwatch"
    allowed_domains = ["deals.example"]
    start_urls = ["https://deals.example/offers/page-1.html"]
    # TODO: custom_settings

    def __init__(self, max_pages: int | str = 3, **kwargs):
        super().__init__(**kwargs)
        # TODO: self.max_pages
        raise NotImplementedError

    def parse(self, response, page: int = 1):
        # TODO: one dict per li.offer, then the next page while page < max_pages
        raise NotImplementedError
