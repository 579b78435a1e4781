"""A Scrapy-style spider with the standard library: frontier, depth limit, dedupe.

Scrapy crawls by keeping a *frontier* (a queue of URLs still to visit), never
visiting the same URL twice, and passing every scraped item through *item
pipelines* that may drop it. You build the same three parts over `pages`, a dict
that maps a URL to its HTML (our stand-in for the web). parse_page() below is
done for you: it returns the page's link hrefs and its items.

1. normalise_url(url, base="") makes equal URLs equal strings:
   resolve against base (urljoin), lowercase scheme and host, drop the default
   port of THAT scheme (80 for http, 443 for https: "http://x:443/" keeps its
   port), keep an IPv6 host in brackets ("http://[::1]:8080/"), drop any
   user:password@, "" path -> "/", sort the query parameters, drop the
   #fragment. Anything but http/https (mailto:,
   javascript:, or a relative URL with no base) raises
   ValueError("unsupported URL scheme: 'mailto'"); an http(s) URL without a
   host ("http:///x") raises ValueError("URL has no host: ...").
       >>> normalise_url("HTTP://Shop.Example:80/a?b=2&a=1#top")
       'http://shop.example/a?a=1&b=2'

2. DedupePipeline().process_item(item) returns the item the first time its
   "id" is seen and raises DropItem("duplicate item: i2") after that.

3. crawl(start_url, pages, max_depth=2) does a breadth-first crawl: the start
   page has depth 0, pages it links to depth 1, and so on; pages deeper than
   max_depth are not visited. Follow only links whose host and port (the
   netloc of the normalised URL) EQUAL the start URL's: "shop.example.evil.org",
   "evil-shop.example" and "www.shop.example" are other sites. Resolve each
   href against the page it is on. Skip links normalise_url rejects, and skip
   URLs missing from `pages` (dead links); a page whose HTML is "" exists
   and is visited. Every item goes through one DedupePipeline. Returns
   CrawlResult(visited=[normalised URLs in visiting order], items=[kept
   items], dropped=<number of dropped items>). A negative max_depth raises
   ValueError("max_depth must be >= 0").
"""
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit


class DropItem(Exception):
    """Raised by a pipeline to drop an item (Scrapy has the same exception)."""


@dataclass
class CrawlResult:
    visited: list[str] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)
    dropped: int = 0


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.items: list[dict] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if "item" in (attributes.get("class") or "").split():
            self.items.append(
                {name.removeprefix("data-"): value for name, value in attrs
                 if name.startswith("data-")}
            )


def parse_page(html: str) -> tuple[list[str], list[dict]]:
    """Return (link hrefs as written, items) of one page.

    An item is any tag with class "item"; its data-* attributes become the
    item's keys: <li class="item" data-id="i1" data-name="Teapot"> gives
    {"id": "i1", "name": "Teapot"}.
    """
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.links, parser.items


def normalise_url(url: str, base: str = "") -> str:
    # TODO: urljoin, urlsplit, check the scheme, rebuild with urlunsplit.
    raise NotImplementedError


class DedupePipeline:
    def __init__(self) -> None:
        # TODO: remember the ids already seen.
        pass

    def process_item(self, item: dict) -> dict:
        # TODO: return new items, raise DropItem for repeated ids.
        raise NotImplementedError


def crawl(start_url: str, pages: Mapping[str, str], max_depth: int = 2) -> CrawlResult:
    # TODO: a deque of (url, depth) as the frontier, a set of URLs already
    #       queued, one DedupePipeline for the whole crawl.
    raise NotImplementedError
