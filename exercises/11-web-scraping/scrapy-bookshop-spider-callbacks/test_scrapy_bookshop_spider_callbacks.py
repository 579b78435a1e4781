from decimal import Decimal

import pytest
from scrapy import Request
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse

from scrapy_bookshop_spider_callbacks import BookItem, BookshopSpider, BookValidationPipeline

LISTING = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>All books</title></head><body>
<aside class="sidebar">
  <article class="mini"><h3><a href="../book/recently-viewed_9/index.html" title="Old Map">Old Map</a></h3></article>
</aside>
<section>
  <article class="product_pod">
    <h3><a href="../book/dune_1/index.html" title="Dune">Dune</a></h3>
  </article>
  <article class="product_pod">
    <h3><a href="/book/a-light-in-the-attic_2/index.html" title="A Light in the Attic">A Light in the ...</a></h3>
  </article>
  <article class="product_pod">
    <h3><a href="https://books.example/book/les-mis%C3%A9rables_3/index.html" title="Les Misérables">Les Misérables</a></h3>
  </article>
</section>
<ul class="pager">
  <li class="current">Page {page}</li>
  {next}
</ul>
<footer><a href="/about.html">About</a></footer>
</body></html>
"""


def listing(url, next_href="page-2.html", page=1):
    nxt = f'<li class="next"><a href="{next_href}">next</a></li>' if next_href else ""
    body = LISTING.replace("{page}", str(page)).replace("{next}", nxt)
    return HtmlResponse(url=url, body=body, encoding="utf-8")


def book_page(url="https://books.example/book/dune_1/index.html", upc="a897fe39b1053632",
              title="Dune", price="£12.99", rating="Three"):
    upc_attr = f' data-upc="{upc}"' if upc is not None else ""
    body = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Books</title></head>
<body>
<aside><p class="price_color">£0.00</p><h1>Advert</h1></aside>
<article class="product_page"{upc_attr}>
  <h1>
    {title}
  </h1>
  <p class="price_color">
    {price}
  </p>
  <p class="star-rating {rating}"><i class="icon-star"></i></p>
  <p class="instock availability">In stock</p>
</article>
</body></html>"""
    return HtmlResponse(url=url, body=body, encoding="utf-8")


def split(results):
    results = list(results)
    requests = [r for r in results if isinstance(r, Request)]
    items = [r for r in results if not isinstance(r, Request)]
    return requests, items


@pytest.fixture
def spider():
    return BookshopSpider(max_pages=3)


@pytest.fixture
def pipeline():
    return BookValidationPipeline()


# --- the spider's settings and arguments ---------------------------------------


def test_the_spider_obeys_robots_txt_and_waits_between_requests():
    settings = BookshopSpider.custom_settings or {}
    assert settings.get("ROBOTSTXT_OBEY") is True, "a polite spider sets ROBOTSTXT_OBEY = True"
    assert settings.get("DOWNLOAD_DELAY") == 1.0, "wait DOWNLOAD_DELAY = 1.0 s between requests to the shop"
    assert settings.get("CONCURRENT_REQUESTS_PER_DOMAIN") == 1, "one request at a time to the shop"
    agent = settings.get("USER_AGENT", "")
    assert agent.startswith("bookshop-bot/") and "+https://" in agent, (
        "identify the bot with a USER_AGENT such as 'bookshop-bot/1.0 (+https://example.org/bot)'"
    )


def test_the_spider_has_its_name_domain_and_start_page():
    assert BookshopSpider.name == "bookshop"
    assert BookshopSpider.allowed_domains == ["books.example"]
    assert BookshopSpider.start_urls == ["https://books.example/catalogue/page-1.html"]


@pytest.mark.parametrize(
    "argument, expected",
    [(1, 1), ("2", 2), ("40", 40)],
    ids=["an int", "a string from scrapy crawl -a max_pages=2", "a larger string"],
)
def test_max_pages_arrives_as_text_from_the_command_line(argument, expected):
    spider = BookshopSpider(max_pages=argument)
    assert spider.max_pages == expected and isinstance(spider.max_pages, int), (
        "`scrapy crawl bookshop -a max_pages=2` passes the STRING '2': convert it with int()"
    )


def test_max_pages_defaults_to_five():
    assert BookshopSpider().max_pages == 5


def test_other_spider_arguments_still_reach_the_spider():
    spider = BookshopSpider(max_pages="2", category="poetry")
    assert getattr(spider, "category", None) == "poetry", "pass **kwargs on to super().__init__()"


@pytest.mark.parametrize("argument", [0, "0", -1], ids=["zero", "zero as text", "negative"])
def test_max_pages_below_one_is_refused(argument):
    with pytest.raises(ValueError, match="max_pages must be at least 1"):
        BookshopSpider(max_pages=argument)


# --- parse: the listing pages --------------------------------------------------


def test_parse_follows_every_book_on_the_listing_with_parse_book(spider):
    url = "https://books.example/catalogue/page-1.html"
    requests, items = split(spider.parse(listing(url)))
    assert items == [], "the listing page yields Requests only; the items come from parse_book"
    books = [r for r in requests if r.callback == spider.parse_book]
    assert [r.url for r in books] == [
        "https://books.example/book/dune_1/index.html",
        "https://books.example/book/a-light-in-the-attic_2/index.html",
        "https://books.example/book/les-mis%C3%A9rables_3/index.html",
    ], "follow the links in article.product_pod h3 a, in page order, resolved against the page's URL"


def test_parse_resolves_links_against_the_current_page_not_the_start_page(spider):
    url = "https://books.example/catalogue/fiction/page-2.html"
    requests, _ = split(spider.parse(listing(url, next_href="page-3.html", page=2), page=2))
    urls = [r.url for r in requests]
    assert urls[0] == "https://books.example/catalogue/book/dune_1/index.html", (
        "'../book/dune_1/index.html' on /catalogue/fiction/page-2.html is /catalogue/book/...: "
        "use response.follow() or response.urljoin(), not the start URL"
    )
    assert urls[-1] == "https://books.example/catalogue/fiction/page-3.html"


def test_parse_never_follows_the_sidebar(spider):
    requests, _ = split(spider.parse(listing("https://books.example/catalogue/page-1.html")))
    assert not any("recently-viewed" in r.url for r in requests), "only article.product_pod links are books"
    assert not any("about" in r.url for r in requests)


def test_parse_queues_the_next_page_with_its_number(spider):
    requests, _ = split(spider.parse(listing("https://books.example/catalogue/page-1.html")))
    pages = [r for r in requests if r.callback == spider.parse]
    assert len(pages) == 1, "exactly one Request for the next page, with callback=self.parse"
    assert pages[0].url == "https://books.example/catalogue/page-2.html"
    assert pages[0].cb_kwargs == {"page": 2}, "pass the next page's number: cb_kwargs={'page': page + 1}"
    assert requests[-1] is pages[0], "yield the books first, then the next page"


@pytest.mark.parametrize(
    "max_pages, page, follows",
    [(3, 2, True), (3, 3, False), (1, 1, False), (3, 7, False)],
    ids=["page 2 of 3 follows", "page 3 of 3 stops", "max_pages=1 stops on page 1", "past the limit stops"],
)
def test_the_crawl_stops_after_max_pages(max_pages, page, follows):
    spider = BookshopSpider(max_pages=max_pages)
    url = f"https://books.example/catalogue/page-{page}.html"
    requests, _ = split(spider.parse(listing(url, next_href=f"page-{page + 1}.html", page=page), page=page))
    pages = [r for r in requests if r.callback == spider.parse]
    assert len(pages) == (1 if follows else 0), (
        f"on page {page} of max_pages={max_pages} the spider should "
        + ("follow the next page" if follows else "stop: an unbounded crawl hammers the site")
    )
    assert len(requests) - len(pages) == 3, "the books on the last page are still followed"


def test_the_last_page_has_no_next_link(spider):
    requests, _ = split(spider.parse(listing("https://books.example/catalogue/page-1.html", next_href=None)))
    assert all(r.callback == spider.parse_book for r in requests)
    assert len(requests) == 3


# --- parse_book: the detail pages ----------------------------------------------


def test_parse_book_yields_one_item_with_the_raw_fields(spider):
    url = "https://books.example/book/dune_1/index.html"
    requests, items = split(spider.parse_book(book_page(url=url)))
    assert requests == [] and len(items) == 1, "a book page yields exactly one item"
    item = items[0]
    assert isinstance(item, BookItem), "yield a BookItem"
    assert dict(item) == {
        "upc": "a897fe39b1053632",
        "title": "Dune",
        "price": "£12.99",
        "rating": 3,
        "url": url,
    }, "read the fields inside article.product_page (not the advert) and strip the whitespace"


@pytest.mark.parametrize(
    "word, number", [("One", 1), ("Two", 2), ("Four", 4), ("Five", 5)], ids=["one", "two", "four", "five"]
)
def test_parse_book_turns_the_star_class_into_a_number(spider, word, number):
    _, items = split(spider.parse_book(book_page(rating=word)))
    assert items[0]["rating"] == number


def test_parse_book_keeps_unicode_titles(spider):
    _, items = split(spider.parse_book(book_page(title="Les Misérables — Tome I")))
    assert items[0]["title"] == "Les Misérables — Tome I"


def test_parse_book_gives_empty_text_when_the_elements_are_missing(spider):
    body = '<html><body><h1>Advert</h1><p class="price_color">£1.00</p><article class="product_page"></article></body></html>'
    response = HtmlResponse(url="https://books.example/book/x/index.html", body=body, encoding="utf-8")
    _, items = split(spider.parse_book(response))
    assert (items[0]["title"], items[0]["price"]) == ("", ""), (
        "no h1 or price inside article.product_page: title and price are '' (use .get(default=''))"
    )
    assert items[0]["rating"] is None and items[0].get("upc") is None


def test_parse_book_leaves_missing_fields_to_the_pipeline(spider):
    response = book_page(upc=None, title="", price="", rating="Zero")
    _, items = split(spider.parse_book(response))
    item = items[0]
    assert item.get("upc") is None, "no data-upc: upc is None"
    assert item["title"] == "" and item["price"] == "", "missing text becomes '', not an exception"
    assert item["rating"] is None, "a star class that is not One..Five gives rating None"


# --- the validation pipeline ---------------------------------------------------


def item(**fields):
    base = {"upc": "u1", "title": "Dune", "price": "£12.99", "rating": 3,
            "url": "https://books.example/book/dune_1/index.html"}
    base.update(fields)
    return BookItem(**base)


@pytest.mark.parametrize(
    "raw, price",
    [("£12.99", Decimal("12.99")), ("£1,051.77", Decimal("1051.77")), ("£0.00", Decimal("0.00"))],
    ids=["plain", "thousands comma", "free"],
)
def test_the_pipeline_turns_the_price_into_a_decimal(pipeline, raw, price):
    result = pipeline.process_item(item(price=raw))
    assert result["price"] == price and isinstance(result["price"], Decimal)


def test_the_pipeline_accepts_the_spider_argument_of_older_scrapy(pipeline, spider):
    assert pipeline.process_item(item(), spider)["price"] == Decimal("12.99")


@pytest.mark.parametrize(
    "fields, reason",
    [
        ({"upc": None}, "^missing upc$"),
        ({"upc": ""}, "missing upc"),
        ({"title": ""}, "missing title"),
        ({"rating": None}, "missing rating"),
        ({"price": ""}, "bad price ''"),
        ({"price": "£twelve"}, "bad price '£twelve'"),
        ({"price": "£NaN"}, "bad price '£NaN'"),
        ({"price": "£Infinity"}, "bad price '£Infinity'"),
        ({"price": "£-3.00"}, "bad price '£-3.00'"),
        ({"price": "$12.99"}, r"bad price '\$12.99'"),
    ],
    ids=["no upc", "empty upc", "no title", "no rating", "no price", "price in words", "NaN",
         "infinity", "negative", "dollars"],
)
def test_the_pipeline_drops_invalid_items(pipeline, fields, reason):
    with pytest.raises(DropItem, match=reason):
        pipeline.process_item(item(**fields))


def test_a_missing_price_field_is_dropped_not_a_crash(pipeline):
    incomplete = item()
    del incomplete["price"]
    with pytest.raises(DropItem, match="bad price"):
        pipeline.process_item(incomplete)


def test_a_rating_of_zero_is_not_missing(pipeline):
    # not produced by the spider, but 0 is a value: only None means missing
    assert pipeline.process_item(item(rating=0))["rating"] == 0


def test_the_pipeline_drops_a_book_it_has_already_seen(pipeline):
    pipeline.process_item(item(upc="u1"))
    pipeline.process_item(item(upc="u2", url="https://books.example/book/dune_1/index.html?ref=home"))
    with pytest.raises(DropItem, match="^duplicate upc u1$"):
        pipeline.process_item(item(upc="u1", url="https://books.example/book/other/index.html"))


def test_an_invalid_item_does_not_count_as_seen(pipeline):
    with pytest.raises(DropItem):
        pipeline.process_item(item(upc="u7", price="£oops"))
    assert pipeline.process_item(item(upc="u7"))["upc"] == "u7", (
        "remember a upc only once the item passed every check"
    )


def test_two_pipelines_do_not_share_what_they_have_seen():
    BookValidationPipeline().process_item(item(upc="u9"))
    assert BookValidationPipeline().process_item(item(upc="u9"))["upc"] == "u9", (
        "make the set of seen upcs in __init__, not as a class attribute shared by every pipeline"
    )


def test_parse_book_and_the_pipeline_work_together(spider, pipeline):
    pages = [book_page(upc="A", price="£5.00"), book_page(upc="A", price="£6.00"),
             book_page(upc="B", price="£7.50", title="Emma", rating="Five")]
    kept = []
    for page in pages:
        for result in spider.parse_book(page):
            try:
                kept.append(pipeline.process_item(result, spider))
            except DropItem:
                pass
    assert [(i["upc"], i["price"], i["rating"]) for i in kept] == [("A", Decimal("5.00"), 3), ("B", Decimal("7.50"), 5)]
